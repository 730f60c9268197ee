// After a replacing version was merged: deletes the Update's Items that it no longer has, and the nodes that
// no Update mentions any more and nothing links to.
OPTIONAL MATCH (item:Item {issueNumber: toInteger($number)})
  WHERE size(item.issues) = 0
DETACH DELETE item
WITH count(item) AS items
OPTIONAL MATCH (n:Entity)
  WHERE size(n.issues) = 0 AND NOT (n)--()
DELETE n
RETURN items, count(n) AS orphans
