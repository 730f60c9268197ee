// Root list: Meetings, soonest first, filtered by network key and date range.
// The rows, unordered: the caller orders them (the terms in src/storage/lists.ts), pages them by key and
// projects each node (src/storage/window.ts pagedRows).
MATCH (n:Meeting)
WHERE ($from IS NULL OR n.date >= $from) AND ($to IS NULL OR n.date <= $to)
  AND ($network IS NULL OR EXISTS { (:Network {key: $network})-[:HOLDS]->(n) })
RETURN n, null AS count
