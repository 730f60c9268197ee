// Root list: Organisations by name ($orderBy NAME) or by how many reports they published (MOST_REPORTS), each
// with that count: reports published within [$from, $to] and, when $topic is given, whose title or the names of
// the networks they feed match the word pattern $topic. $publishersOnly keeps those with at least one.
// Sliced in the database: [$skip, $skip + $limit) of the ordered list ($fromEnd: the last $limit), with the
// length of the whole list; each entry's node is projected by the caller (src/storage/lists.ts).
MATCH (n:Organisation)
CALL (n) {
  OPTIONAL MATCH (r:Report)-[:PUBLISHED_BY]->(n)
  WHERE ($from IS NULL OR r.publishedOn >= $from) AND ($to IS NULL OR r.publishedOn <= $to)
    AND ($topic IS NULL OR r.title =~ $topic OR EXISTS { (r)-[:FEEDS]->(f:Network) WHERE f.name =~ $topic })
  RETURN count(r) AS reports
}
WITH n, reports WHERE NOT $publishersOnly OR reports > 0
ORDER BY CASE WHEN $orderBy = 'MOST_REPORTS' THEN reports END DESC, n.key
WITH collect({n: n, reports: reports}) AS ordered
WITH ordered, size(ordered) AS total
WITH ordered, total, CASE WHEN $fromEnd AND total - $limit > $skip THEN total - $limit ELSE $skip END AS start
RETURN total, start, [x IN ordered[start..start + $limit] | {node: x.n, count: x.reports}] AS page
