// After retract-edges: deletes the Update's Items, takes its number off every node it contributed to,
// and deletes nodes that no Update mentions any more and nothing links to.
MATCH (item:Item {issueNumber: $number})
DETACH DELETE item
WITH count(*) AS items
MATCH (n:Entity)
WHERE $number IN n.issues
SET n.issues = [x IN n.issues WHERE x <> $number]
WITH items, n
WHERE size(n.issues) = 0 AND NOT (n)--()
DELETE n
RETURN items, count(n) AS orphans
