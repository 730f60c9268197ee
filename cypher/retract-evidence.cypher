// Takes back the evidence one Update gave to the given edges (row.type, each; those its Issue records having
// described): drops the entries of its Issue key or Item keys from each edge's own lists, deletes its :Evidence
// nodes of the edge (found by Update and edge: an index seek), moves the next entries up into the lists when
// they are left short, and recomputes first/last seen (src/graph/evidence.ts). Edges left without evidence are
// deleted by delete-emptied-edges once the replacing version has added its own.
UNWIND $rows AS row
MATCH (:Entity {uid: row.from})-[r {key: row.key}]->(:Entity {uid: row.to})
WHERE type(r) = row.type
WITH r, row, coalesce(r.sources, []) AS sources, coalesce(r.quotes, []) AS quotes, coalesce(r.seenOn, []) AS seenOn
WITH r, row, sources, quotes, seenOn,
     [i IN range(0, size(sources) - 1)
      WHERE NOT (sources[i] = row.issueKey OR sources[i] STARTS WITH row.itemPrefix)] AS kept
CALL (row) {
  MATCH (e:Evidence {issue: row.number, edge: row.id})
  DELETE e
  RETURN count(*) AS removed
}
WITH r, row, [i IN kept | {source: sources[i], quote: quotes[i], date: seenOn[i]}] AS preview,
     coalesce(r.overflow, 0) - removed AS overflow
// The first entries beyond the lists, to fill them up again. Ordering by `edge` first (one value here) lets the
// evidence_edge index give the order, so only the entries taken are read, however many the edge has.
WITH r, row, preview, overflow,
     CASE WHEN overflow > 0 AND size(preview) < $preview THEN COLLECT {
       MATCH (e:Evidence {edge: row.id})
       WHERE e.date IS NOT NULL AND e.source IS NOT NULL AND e.quote IS NOT NULL
       WITH e ORDER BY e.edge, e.date, e.source, e.quote
       LIMIT toInteger($preview)
       RETURN e
     } ELSE [] END AS next
WITH r, row, preview, overflow, next[..$preview - size(preview)] AS promoted
WITH r, row, preview + [e IN promoted | {source: e.source, quote: e.quote, date: e.date}] AS entries,
     overflow - size(promoted) AS overflow, promoted
FOREACH (e IN promoted | DELETE e)
WITH r, entries, overflow,
     CASE WHEN overflow > 0 THEN COLLECT {
       MATCH (e:Evidence {edge: row.id})
       WHERE e.date IS NOT NULL AND e.source IS NOT NULL AND e.quote IS NOT NULL
       WITH e ORDER BY e.edge DESC, e.date DESC
       LIMIT 1
       RETURN e.date
     }[0] ELSE entries[-1].date END AS lastSeen
SET r.sources = [e IN entries | e.source],
    r.quotes = [e IN entries | e.quote],
    r.seenOn = [e IN entries | e.date],
    r.overflow = CASE WHEN overflow > 0 THEN overflow ELSE null END,
    r.firstSeen = entries[0].date,
    r.lastSeen = lastSeen
RETURN count(r) AS retracted
