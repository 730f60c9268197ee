// Report–network pairs from the derived FEEDS edges, optionally for one network (key) and a period
// (the citing items' Update dates overlap [from, to]).
MATCH (r:Report)-[f:FEEDS]->(n:Network)
WHERE ($network IS NULL OR n.key = $network)
  AND ($from IS NULL OR f.lastSeen >= $from) AND ($to IS NULL OR f.firstSeen <= $to)
RETURN r {.*, label: 'Report'} AS report, n {.*, label: 'Network'} AS network, properties(f) AS feed
ORDER BY n.key, f.lastSeen DESC, r.key
