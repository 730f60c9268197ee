// The stored versions (src/load/versions.ts) of those of the given nodes that exist already.
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
RETURN uid, coalesce(n.versions, []) AS versions
