// Decisions: deletes these nodes with their relationships (a node-level decision rewrites them whole).
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
DETACH DELETE n
RETURN count(*) AS deleted
