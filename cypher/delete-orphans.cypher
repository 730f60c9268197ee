// After a replacement: deletes the replaced version's Items that the new one no longer has ($items, keys),
// and those of the nodes it named ($uids) that no Update names any more and only derived edges (FEEDS,
// POSSIBLY_SAME_AS, which carry a rule) link to: derive recomputes those, and a clean load would not hold them.
CALL () {
  UNWIND $items AS key
  MATCH (item:Item {key: key})
  DETACH DELETE item
  RETURN count(*) AS items
}
CALL () {
  UNWIND $uids AS uid
  MATCH (n:Entity {uid: uid})
  WHERE coalesce(n.issueCount, 0) = 0 AND NOT EXISTS { (n)-[r]-() WHERE r.rule IS NULL }
  DETACH DELETE n
  RETURN count(*) AS orphans
}
RETURN items, orphans
