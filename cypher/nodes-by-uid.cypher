// Nodes by uid ("<Label>:<key>") for a DataLoader batch: node(id), evidence's issue and item, lookups by name.
UNWIND $uids AS uid
MATCH (node:Entity {uid: uid})
RETURN uid, node {.*, label: [l IN labels(node) WHERE l <> 'Entity'][0]} AS node
