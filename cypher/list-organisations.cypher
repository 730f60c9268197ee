// Root list: Organisations by name ($orderBy NAME) or by how many reports they published (MOST_REPORTS), each
// with that count: reports published within [$from, $to] and, when $topic is given, whose title or the names of
// the networks they feed match the word pattern $topic. $publishersOnly keeps those with at least one.
// The rows, unordered: the caller orders them (the terms in src/storage/lists.ts), pages them by key and
// projects each node (src/storage/window.ts pagedRows).
MATCH (n:Organisation)
CALL (n) {
  OPTIONAL MATCH (r:Report)-[:PUBLISHED_BY]->(n)
  WHERE ($from IS NULL OR r.publishedOn >= $from) AND ($to IS NULL OR r.publishedOn <= $to)
    AND ($topic IS NULL OR r.title =~ $topic OR EXISTS { (r)-[:FEEDS]->(f:Network) WHERE f.name =~ $topic })
  RETURN count(r) AS reports
}
WITH n, reports WHERE NOT $publishersOnly OR reports > 0
RETURN n, reports AS count
