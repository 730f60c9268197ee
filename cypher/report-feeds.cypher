// Report–network pairs from the derived FEEDS edges, optionally for one network (key) and a period (the citing
// items' Update dates overlap [from, to]), ordered by network then most recently cited, sliced in the database
// ([$skip, $skip + $limit), $fromEnd: the last $limit) with the number of pairs. Each entry {r, f, n} of the
// page is projected by the caller (src/storage/graph-queries.ts).
// The pairs are counted per network (without bounds, a network's FEEDS degree, read without expanding), and
// only the networks the slice overlaps are expanded and sorted: a first page reads one network's feeds, not
// every pair of the graph. FEEDS runs from a Report to a Network only (the edge catalogue), so no label checks.
MATCH (n:Network)
WHERE $network IS NULL OR n.key = $network
WITH n,
     CASE WHEN $from IS NULL AND $to IS NULL THEN COUNT { (n)<-[:FEEDS]-() }
          ELSE COUNT { (n)<-[f:FEEDS]-() WHERE ($from IS NULL OR f.lastSeen >= $from) AND ($to IS NULL OR f.firstSeen <= $to) }
     END AS feeds
ORDER BY n.key
WITH collect({n: n, feeds: feeds}) AS networks
WITH networks, reduce(sum = 0, x IN networks | sum + x.feeds) AS total
WITH networks, total, CASE WHEN $fromEnd AND total - $limit > $skip THEN total - $limit ELSE $skip END AS start
CALL (networks, start) {
  UNWIND range(0, size(networks) - 1) AS i
  WITH i, networks[i] AS x, reduce(sum = 0, y IN networks[..i] | sum + y.feeds) AS before
  WHERE x.feeds > 0 AND before + x.feeds > start AND before < start + $limit
  CALL (x, before, start) {
    WITH x.n AS n
    MATCH (r)-[f:FEEDS]->(n)
    WHERE ($from IS NULL OR f.lastSeen >= $from) AND ($to IS NULL OR f.firstSeen <= $to)
    WITH r, f, n ORDER BY f.lastSeen DESC, r.key
    WITH collect({r: r, f: f, n: n}) AS pairs
    RETURN pairs[CASE WHEN start > before THEN start - before ELSE 0 END..start + $limit - before] AS slice
  }
  WITH i, slice ORDER BY i
  RETURN reduce(joined = [], s IN collect(slice) | joined + s) AS page
}
RETURN total, start, page
