// Takes back the evidence one Update gave to the given edges of type {{type}} (those its Issue records having
// described): drops the entries of its Issue key or Item keys from each edge's aligned lists and recomputes
// first/last seen. Edges left without evidence are deleted by delete-emptied-edges once the replacing version
// has added its own.
UNWIND $rows AS row
MATCH (:Entity {uid: row.from})-[r:{{type}} {key: row.key}]->(:Entity {uid: row.to})
WITH r, [i IN range(0, size(coalesce(r.sources, [])) - 1)
         WHERE NOT (r.sources[i] = row.issueKey OR r.sources[i] STARTS WITH row.itemPrefix)] AS kept
SET r.sources = [i IN kept | r.sources[i]],
    r.quotes = [i IN kept | r.quotes[i]],
    r.seenOn = [i IN kept | r.seenOn[i]],
    r.firstSeen = CASE WHEN size(kept) = 0 THEN null ELSE r.seenOn[kept[0]] END,
    r.lastSeen = CASE WHEN size(kept) = 0 THEN null ELSE r.seenOn[kept[-1]] END
RETURN count(r) AS retracted
