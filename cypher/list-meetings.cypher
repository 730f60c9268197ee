// Root list: Meetings, soonest first, filtered by network key and date range.
// Sliced in the database: [$skip, $skip + $limit) of the ordered list ($fromEnd: the last $limit), with the
// length of the whole list; each entry's node is projected by the caller (src/storage/lists.ts).
MATCH (n:Meeting)
WHERE ($from IS NULL OR n.date >= $from) AND ($to IS NULL OR n.date <= $to)
  AND ($network IS NULL OR EXISTS { (:Network {key: $network})-[:HOLDS]->(n) })
WITH n ORDER BY n.date, n.key
WITH collect(n) AS ordered
WITH ordered, size(ordered) AS total
WITH ordered, total, CASE WHEN $fromEnd AND total - $limit > $skip THEN total - $limit ELSE $skip END AS start
RETURN total, start, [n IN ordered[start..start + $limit] | {node: n}] AS page
