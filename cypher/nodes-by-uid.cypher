// Nodes by uid ("<Label>:<key>") for a DataLoader batch (node(id), evidence's Update and item, lookups by
// name), projected to the requested properties ($props) only.
UNWIND $uids AS uid
MATCH (node:Entity {uid: uid})
RETURN {uid: node.uid, key: node.key, label: [l IN labels(node) WHERE l <> 'Entity'][0],
        values: [p IN $props | node[p]]} AS node
