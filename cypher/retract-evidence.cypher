// Takes back the evidence one Update gave to the given edges of type {{type}} (those its Issue records having
// described): drops the entries of its Issue key or Item keys from each edge's aligned lists and recomputes
// first/last seen. Edges left without evidence are deleted by delete-emptied-edges once the replacing version
// has added its own.
UNWIND $rows AS row
MATCH (:Entity {uid: row.from})-[r:{{type}} {key: row.key}]->(:Entity {uid: row.to})
// The lists are read once into variables: indexing r.quotes inside the comprehension reads the whole stored
// list again for every entry, which made a hub edge's retraction quadratic in its evidence.
WITH r, row, coalesce(r.sources, []) AS sources, coalesce(r.quotes, []) AS quotes, coalesce(r.seenOn, []) AS seenOn
WITH r, sources, quotes, seenOn,
     [i IN range(0, size(sources) - 1)
      WHERE NOT (sources[i] = row.issueKey OR sources[i] STARTS WITH row.itemPrefix)] AS kept
SET r.sources = [i IN kept | sources[i]],
    r.quotes = [i IN kept | quotes[i]],
    r.seenOn = [i IN kept | seenOn[i]],
    r.firstSeen = CASE WHEN size(kept) = 0 THEN null ELSE seenOn[kept[0]] END,
    r.lastSeen = CASE WHEN size(kept) = 0 THEN null ELSE seenOn[kept[-1]] END
RETURN count(r) AS retracted
