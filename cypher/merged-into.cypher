// The node a merge decision folded `$uid` into (it lists the uids it absorbed in `mergedUids`).
MATCH (n:Entity)
WHERE $uid IN n.mergedUids
RETURN n.uid AS uid, n.key AS key
LIMIT 1
