// Creates or updates one Update's edges between nodes MERGEd already (each edge once per batch), adding
// its evidence rows (source, quote, date) to the edge's aligned lists, kept sorted by date then source.
// row.props are the edge's properties folded already from every Update's version (src/load/versions.ts), with
// row.versions the new versions; both are empty/null when this Update says nothing of the edge's properties,
// which are then left as they are. The properties in row.ints are stored as integers (the driver sends JS
// numbers as floats). Returns what changed (versions aside).
UNWIND $rows AS row
MATCH (a:Entity {uid: row.from})
MATCH (b:Entity {uid: row.to})
OPTIONAL MATCH (a)-[existing]->(b)
  WHERE type(existing) = row.type AND existing.key = row.key
WITH row, a, b, CASE WHEN existing IS NULL THEN null ELSE existing {.*, versions: null} END AS before
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
SET r += row.props, r.versions = coalesce(row.versions, r.versions)
WITH row, before, r
CALL (row, r) {
  UNWIND row.ints AS name
  SET r[name] = toInteger(row.props[name])
}
WITH row, before, r,
     [i IN range(0, size(coalesce(r.sources, [])) - 1) | {source: r.sources[i], quote: r.quotes[i], date: r.seenOn[i]}]
     + row.evidence AS evidence
CALL (evidence) {
  UNWIND evidence AS e
  WITH DISTINCT e
  ORDER BY e.date, e.source
  RETURN collect(e) AS sorted
}
SET r.sources = [e IN sorted | e.source],
    r.quotes = [e IN sorted | e.quote],
    r.seenOn = [e IN sorted | e.date],
    r.firstSeen = sorted[0].date,
    r.lastSeen = sorted[-1].date
RETURN row.type AS type,
       sum(CASE WHEN before IS NULL THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN before IS NOT NULL AND before <> r {.*, versions: null} THEN 1 ELSE 0 END) AS updated
