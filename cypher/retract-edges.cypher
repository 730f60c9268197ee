// Takes back the evidence one Update gave: drops its entries (its Issue key or Item keys) from every edge's
// aligned lists, deletes edges left with no evidence, and recomputes first/last seen. Derived edges are
// recomputed separately (derive), so they are skipped here.
MATCH ()-[r]->()
WHERE r.sources IS NOT NULL AND r.rule IS NULL
  AND any(source IN r.sources WHERE source = $issueKey OR source STARTS WITH $itemPrefix)
WITH r, [i IN range(0, size(r.sources) - 1)
         WHERE NOT (r.sources[i] = $issueKey OR r.sources[i] STARTS WITH $itemPrefix)] AS kept
SET r.sources = [i IN kept | r.sources[i]],
    r.quotes = [i IN kept | r.quotes[i]],
    r.seenOn = [i IN kept | r.seenOn[i]],
    r.firstSeen = CASE WHEN size(kept) = 0 THEN null ELSE r.seenOn[kept[0]] END,
    r.lastSeen = CASE WHEN size(kept) = 0 THEN null ELSE r.seenOn[kept[-1]] END
WITH r, size(kept) AS remaining
WHERE remaining = 0
DELETE r
RETURN count(*) AS deleted
