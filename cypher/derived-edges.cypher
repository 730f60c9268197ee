// The derived edges of one type at the given nodes ($uids: the reports or people derive works on), as they
// stand (ends and properties), so that derive writes only what changed. Each edge once, from either end.
UNWIND $uids AS uid
MATCH (:Entity {uid: uid})-[r:$($type)]-()
WITH DISTINCT r
RETURN startNode(r).uid AS from, endNode(r).uid AS to, properties(r) AS props
