// Creates or updates nodes, each once per batch. For a shared node row.props are the changes to its properties
// folded from every Update's description (src/load/versions.ts), so loading order does not matter, with a null
// for a property no description gives any more; row.versions, row.issueCount (how many Updates name it) and
// row.lastIssue (the newest of them) are its bookkeeping, all bounded whatever the archive's size. A node one
// Update owns (row.owned: its Issue, its Items) takes exactly this version's properties and no bookkeeping.
// `searchText` joins the list values (aliases, variants) for the full-text index; the properties in row.ints
// are stored as integers (the driver sends JS numbers as floats). Returns what changed (bookkeeping aside).
UNWIND $rows AS row
OPTIONAL MATCH (existing:Entity {uid: row.uid})
WITH row, CASE WHEN existing IS NULL THEN null
               ELSE existing {.*, versions: null, issueCount: null, lastIssue: null} END AS before
MERGE (n:Entity {uid: row.uid})
  ON CREATE SET n:$(row.label)
FOREACH (_ IN CASE WHEN row.owned THEN [1] ELSE [] END | SET n = {uid: row.uid})
SET n += row.props, n.key = row.key, n.versions = row.versions,
    n.issueCount = toInteger(row.issueCount), n.lastIssue = toInteger(row.lastIssue)
WITH row, before, n
CALL (row, n) {
  UNWIND row.ints AS name
  SET n[name] = toInteger(row.props[name])
}
SET n.searchText = reduce(text = '', name IN row.lists | text + ' ' + reduce(words = '', v IN coalesce(n[name], []) | words + ' ' + v))
RETURN row.label AS label,
       sum(CASE WHEN before IS NULL THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN before IS NOT NULL AND before <> n {.*, versions: null, issueCount: null, lastIssue: null} THEN 1 ELSE 0 END) AS updated
