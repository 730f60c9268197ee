// Creates or updates edges of type {{type}} (written in, so each is found by expanding only that type) between
// nodes MERGEd already, each once per batch, adding its evidence rows (source, quote, date; sorted by date then
// source) to the edge's aligned lists, kept sorted the same way: appended when they all come after what the
// edge holds (the usual case, loading in date order), else merged and sorted again.
// row.props are the changes to the edge's properties folded from every Update's description
// (src/load/versions.ts), and row.versions its new versions when row.setVersions; when the batch changes no
// description of the edge, props are empty and its properties are left as they are. The properties in row.ints
// are stored as integers (the driver sends JS numbers as floats). Returns how many edges were created, and how
// many existing ones changed (each row adds evidence to its edge, so every existing one does), and the uids the
// created ones start from (derive reads again what a new link changes). An edge whose evidence a replacement
// took back holds empty lists until then, and counts as created again.
UNWIND $rows AS row
MATCH (a:Entity {uid: row.from})
MATCH (b:Entity {uid: row.to})
MERGE (a)-[r:{{type}} {key: row.key}]->(b)
  ON CREATE SET r.sources = []
WITH row, r, size(r.sources) = 0 AS created
SET r += row.props, r.versions = CASE WHEN row.setVersions THEN row.versions ELSE r.versions END
WITH row, r, created
CALL (row, r) {
  UNWIND row.ints AS name
  SET r[name] = toInteger(row.props[name])
}
WITH row, r, created, r.sources AS sources, row.evidence AS added
WITH row, r, created, sources, added,
     size(sources) = 0 OR added[0].date > r.lastSeen
       OR (added[0].date = r.lastSeen AND added[0].source > sources[-1]) AS appending
CALL (r, sources, added, appending) {
  WITH r, sources, added WHERE appending
  SET r.sources = sources + [e IN added | e.source],
      r.quotes = coalesce(r.quotes, []) + [e IN added | e.quote],
      r.seenOn = coalesce(r.seenOn, []) + [e IN added | e.date]
}
CALL (r, sources, added, appending) {
  WITH r, sources, added WHERE NOT appending
  // Each stored list is read once (indexing r.quotes in the comprehension would read it again per entry).
  WITH r, sources, added, r.quotes AS quotes, r.seenOn AS seenOn
  CALL (r, sources, added, quotes, seenOn) {
    UNWIND [i IN range(0, size(sources) - 1) | {source: sources[i], quote: quotes[i], date: seenOn[i]}] + added AS e
    WITH DISTINCT e
    ORDER BY e.date, e.source
    RETURN collect(e) AS sorted
  }
  SET r.sources = [e IN sorted | e.source],
      r.quotes = [e IN sorted | e.quote],
      r.seenOn = [e IN sorted | e.date]
}
SET r.firstSeen = r.seenOn[0], r.lastSeen = r.seenOn[-1]
RETURN '{{type}}' AS type,
       sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN created THEN 0 ELSE 1 END) AS updated,
       collect(CASE WHEN created THEN row.from END) AS createdFrom
