// Report–network pairs from the derived FEEDS edges, optionally for one network (key) and a period (the citing
// items' Update dates overlap [from, to]), ordered by network then most recently cited, sliced in the database
// ([$skip, $skip + $limit), $fromEnd: the last $limit) with the number of pairs. Each entry {r, f, n} of the
// page is projected by the caller (src/storage/graph-queries.ts).
MATCH (r:Report)-[f:FEEDS]->(n:Network)
WHERE ($network IS NULL OR n.key = $network)
  AND ($from IS NULL OR f.lastSeen >= $from) AND ($to IS NULL OR f.firstSeen <= $to)
WITH r, f, n ORDER BY n.key, f.lastSeen DESC, r.key
WITH collect({r: r, f: f, n: n}) AS ordered
WITH ordered, size(ordered) AS total
WITH ordered, total, CASE WHEN $fromEnd AND total - $limit > $skip THEN total - $limit ELSE $skip END AS start
RETURN total, start, ordered[start..start + $limit] AS page
