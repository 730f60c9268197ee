// The stored summaries (src/load/versions.ts) of those of the given nodes that exist already: their versions,
// how many Updates name them and the newest of those. Index lookups on uid.
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
RETURN uid, coalesce(n.versions, []) AS versions, coalesce(n.issueCount, 0) AS issueCount, n.lastIssue AS lastIssue
