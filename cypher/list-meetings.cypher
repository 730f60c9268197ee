// Root list: Meetings, soonest first, filtered by network key and date range.
MATCH (n:Meeting)
WHERE ($from IS NULL OR n.date >= $from) AND ($to IS NULL OR n.date <= $to)
  AND ($network IS NULL OR EXISTS { (:Network {key: $network})-[:HOLDS]->(n) })
RETURN n {.*, label: 'Meeting'} AS node
ORDER BY n.date, n.key
