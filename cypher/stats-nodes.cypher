// Node counts per label, each read from Neo4j's count store (no scan); labels without nodes are left out.
// The labels are the graph model's (src/graph/labels.ts); a test checks that this list matches it.
CALL () {
  MATCH (n:Issue) RETURN 'Issue' AS label, count(n) AS count
  UNION ALL
  MATCH (n:Item) RETURN 'Item' AS label, count(n) AS count
  UNION ALL
  MATCH (n:Report) RETURN 'Report' AS label, count(n) AS count
  UNION ALL
  MATCH (n:Organisation) RETURN 'Organisation' AS label, count(n) AS count
  UNION ALL
  MATCH (n:Person) RETURN 'Person' AS label, count(n) AS count
  UNION ALL
  MATCH (n:Network) RETURN 'Network' AS label, count(n) AS count
  UNION ALL
  MATCH (n:Meeting) RETURN 'Meeting' AS label, count(n) AS count
  UNION ALL
  MATCH (n:LocalAuthority) RETURN 'LocalAuthority' AS label, count(n) AS count
}
WITH label, count WHERE count > 0
RETURN label, count
ORDER BY label
