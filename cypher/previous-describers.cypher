// For taking an Update back: per row, the newest Update below row.below whose Issue records that it described
// row.ref (a node uid, or an edge's id when row.edge), with exactly row.json when it is given (any description
// when null). Walks the Issues down from row.below in number order (index order) and stops at the first one.
UNWIND $rows AS row
OPTIONAL CALL (row) {
  MATCH (issue:Issue)
  WHERE issue.number < toInteger(row.below)
    AND any(entry IN CASE WHEN row.edge THEN issue.describedEdges ELSE issue.describedNodes END
            WHERE CASE WHEN row.json IS NULL THEN entry STARTS WITH row.ref + '\t' ELSE entry = row.ref + '\t' + row.json END)
  WITH issue ORDER BY issue.number DESC
  LIMIT 1
  RETURN issue.number AS number
}
RETURN row.id AS id, number
