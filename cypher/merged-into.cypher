// The node a merge decision folded `$uid` into (it lists the uids it absorbed in `mergedUids`). The decisions are
// few, so they are asked first: the entities are scanned only for an id some applied merge was about ($gid).
MATCH (d:Decision {kind: 'MERGE', applied: true})
WHERE $gid IN d.subjects
WITH count(d) AS merges
WHERE merges > 0
MATCH (n:Entity)
WHERE $uid IN n.mergedUids
RETURN n.uid AS uid, n.key AS key
LIMIT 1
