// Creates or updates one Update's nodes. row.props are the node's properties folded already from every
// Update's version (src/load/versions.ts), so loading order does not matter; row.versions is null for the
// labels one Update owns (Issue, Item). `issues` lists the Updates that yielded the node (sorted);
// `searchText` joins the list values (aliases, variants) for the full-text index; the properties in row.ints
// are stored as integers (the driver sends JS numbers as floats). Returns what changed (versions aside).
UNWIND $rows AS row
OPTIONAL MATCH (existing:Entity {uid: row.uid})
WITH row, CASE WHEN existing IS NULL THEN null ELSE existing {.*, versions: null} END AS before
MERGE (n:Entity {uid: row.uid})
  ON CREATE SET n:$(row.label)
// A node one Update owns (row.owned: its Issue, its Items) takes exactly this version's properties.
FOREACH (_ IN CASE WHEN row.owned THEN [1] ELSE [] END | SET n = {uid: row.uid})
SET n += row.props, n.key = row.key, n.versions = row.versions
WITH row, before, n
CALL (row, n) {
  UNWIND row.ints AS name
  SET n[name] = toInteger(row.props[name])
}
WITH row, before, n, CASE WHEN toInteger($number) IN coalesce(n.issues, []) THEN n.issues ELSE coalesce(n.issues, []) + toInteger($number) END AS issues
CALL (issues) {
  UNWIND issues AS x
  WITH x ORDER BY x
  RETURN collect(x) AS sortedIssues
}
SET n.issues = sortedIssues,
    n.searchText = reduce(text = '', name IN row.lists | text + ' ' + reduce(words = '', v IN coalesce(n[name], []) | words + ' ' + v))
RETURN row.label AS label,
       sum(CASE WHEN before IS NULL THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN before IS NOT NULL AND before <> n {.*, versions: null} THEN 1 ELSE 0 END) AS updated
