// Creates or updates edges between nodes MERGEd already, each once per batch, adding its evidence rows (source, quote, date; sorted) as
// src/graph/evidence.ts stores them: the edge keeps its first $preview entries in its aligned lists, and every
// entry after those is an :Evidence node named by row.id. Only the kept entries and the added ones are sorted
// together, so the cost of a write does not grow with the edge's history; when every added entry comes after
// the kept ones (the usual case, loading in date order, once an edge has its first entries) the lists are not
// rewritten at all (`allBeyond`: nothing is sorted either).
// row.props are the changes to the edge's properties folded from every Update's description
// (src/load/versions.ts), and row.versions its new versions when row.setVersions; when the batch changes no
// description of the edge, props are empty and its properties are left as they are. The properties in row.ints
// are stored as integers (the driver sends JS numbers as floats). Returns how many edges were created, and how
// many existing ones changed (each row adds evidence to its edge, so every existing one does), and the uids the
// created ones start from (derive reads again what a new link changes). An edge whose evidence a replacement
// took back holds empty lists until then, and counts as created again.
// Each row names its edge's type, so one query serves every type. MERGE cannot take the type from a row
// without scanning every relationship in Neo4j 5.26, so an edge is looked for between its two ends (from the
// end with fewer relationships) and created with the row's type when missing. As MERGE does, a missing edge
// is looked for again under locks on both ends (a write to each), so two transactions cannot both create it.
// Every row is looked up before any edge is created (Cypher reads a clause's input whole before the next
// clause writes): a lookup after this query's own creations searched them too, and a hub named by thousands
// of new edges made a batch's first load 7 times slower than creating the edges alone.
UNWIND $rows AS row
MATCH (a:Entity {uid: row.from})
MATCH (b:Entity {uid: row.to})
OPTIONAL MATCH (a)-[known {key: row.key}]->(b)
WHERE type(known) = row.type
CALL (a, b, known) {
  WITH a, b
  WHERE known IS NULL
  SET a.uid = a.uid, b.uid = b.uid
}
OPTIONAL MATCH (a)-[locked {key: row.key}]->(b)
WHERE known IS NULL AND type(locked) = row.type
WITH row, a, b, coalesce(known, locked) AS found
OPTIONAL CALL (a, b, row, found) {
  WITH a, b, row
  WHERE found IS NULL
  CREATE (a)-[made:$(row.type) {key: row.key, sources: []}]->(b)
  RETURN made
}
WITH row, coalesce(found, made) AS r
WITH row, r, size(r.sources) = 0 AS created
SET r += row.props, r.versions = CASE WHEN row.setVersions THEN row.versions ELSE r.versions END
WITH row, r, created
CALL (row, r) {
  UNWIND row.ints AS name
  SET r[name] = toInteger(row.props[name])
}
WITH row, r, created, r.sources AS sources, coalesce(r.quotes, []) AS quotes, coalesce(r.seenOn, []) AS seenOn,
     row.evidence[0] AS least
// The usual case once an edge has its first entries: every added entry comes after them (row.evidence is
// sorted), so they all go beyond the lists, with nothing to sort.
WITH row, r, created, sources, quotes, seenOn,
     size(sources) >= $preview
       AND (least.date > seenOn[-1]
            OR (least.date = seenOn[-1] AND (least.source > sources[-1]
                                            OR (least.source = sources[-1] AND least.quote > quotes[-1]))))
       AS allBeyond
CALL (sources, quotes, seenOn, row, allBeyond) {
  WITH sources, quotes, seenOn, row
  WHERE NOT allBeyond
  UNWIND [i IN range(0, size(sources) - 1) | {source: sources[i], quote: quotes[i], date: seenOn[i]}] + row.evidence AS e
  WITH DISTINCT e
  ORDER BY e.date, e.source, e.quote
  RETURN collect(e) AS merged
}
WITH row, r, created, sources, quotes, seenOn,
     CASE WHEN allBeyond THEN null ELSE merged[..$preview] END AS kept,
     CASE WHEN allBeyond THEN row.evidence ELSE merged[$preview..] END AS spilled,
     CASE WHEN allBeyond THEN row.evidence[-1].date ELSE merged[-1].date END AS newest
CALL (r, sources, quotes, seenOn, kept) {
  WITH r, kept
  WHERE kept IS NOT NULL
    AND ([e IN kept | e.source] <> sources OR [e IN kept | e.quote] <> quotes OR [e IN kept | e.date] <> seenOn)
  SET r.sources = [e IN kept | e.source],
      r.quotes = [e IN kept | e.quote],
      r.seenOn = [e IN kept | e.date],
      r.firstSeen = kept[0].date
}
CALL (row, r, spilled) {
  WITH row, r, spilled
  WHERE size(spilled) > 0
  SET r.overflow = coalesce(r.overflow, 0) + size(spilled)
  WITH row, spilled
  UNWIND spilled AS e
  CREATE (:Evidence {edge: row.id, source: e.source, quote: e.quote, date: e.date,
                     issue: CASE WHEN e.source STARTS WITH 'decision:' THEN null
                                 ELSE toInteger(split(replace(e.source, 'issue:', ''), '/')[0]) END})
}
CALL (r, newest) {
  WITH r, newest
  WHERE r.lastSeen IS NULL OR newest > r.lastSeen
  SET r.lastSeen = newest
}
RETURN row.type AS type,
       sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN created THEN 0 ELSE 1 END) AS updated,
       collect(CASE WHEN created THEN row.from END) AS createdFrom
