// After retract-edges: takes the Update's number off every node it contributed to. Nothing is deleted here:
// the replacing version MERGEs its nodes next, so a node (or Item) it still has is never deleted and created
// again, which a reader running between two queries of one request would see as a missing uid.
// delete-orphans.cypher removes, after the merge, what no Update mentions any more.
MATCH (n:Entity)
WHERE $number IN n.issues
SET n.issues = [x IN n.issues WHERE x <> $number]
RETURN count(n) AS retracted
