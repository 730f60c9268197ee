// Report–network pairs from the derived FEEDS edges, optionally for one network (key) and a period (the citing
// items' Update dates overlap [from, to]). The pairs, unordered: the caller orders them (by network, then most
// recently cited, src/storage/graph-queries.ts), pages them by key and projects each {r, f, n}.
// FEEDS runs from a Report to a Network only (the edge catalogue), so no label checks.
MATCH (n:Network)
WHERE $network IS NULL OR n.key = $network
MATCH (r)-[f:FEEDS]->(n)
WHERE ($from IS NULL OR f.lastSeen >= $from) AND ($to IS NULL OR f.firstSeen <= $to)
RETURN r, f, n
