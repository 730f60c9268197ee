// Node counts per label, each read from Neo4j's count store (no scan: a COUNT subquery is; a MATCH … count(n)
// under UNION is planned as a label scan); labels without nodes are left out.
// The labels are the graph model's (src/graph/labels.ts); a test checks that this list matches it.
CALL () {
  RETURN 'Issue' AS label, COUNT { (:Issue) } AS count
  UNION ALL
  RETURN 'Item' AS label, COUNT { (:Item) } AS count
  UNION ALL
  RETURN 'Report' AS label, COUNT { (:Report) } AS count
  UNION ALL
  RETURN 'Organisation' AS label, COUNT { (:Organisation) } AS count
  UNION ALL
  RETURN 'Person' AS label, COUNT { (:Person) } AS count
  UNION ALL
  RETURN 'Network' AS label, COUNT { (:Network) } AS count
  UNION ALL
  RETURN 'Meeting' AS label, COUNT { (:Meeting) } AS count
  UNION ALL
  RETURN 'LocalAuthority' AS label, COUNT { (:LocalAuthority) } AS count
}
WITH label, count WHERE count > 0
RETURN label, count
ORDER BY label
