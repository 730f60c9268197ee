// Root list: Reports in $orderBy order (NEWEST_FIRST, OLDEST_FIRST, TITLE, MOST_CITED; undated last where dates
// order them), filtered by publisher key, publication date range and title text.
// Sliced in the database: [$skip, $skip + $limit) of the ordered list ($fromEnd: the last $limit), with the
// length of the whole list; each entry's node is projected by the caller (src/storage/lists.ts).
MATCH (n:Report)
WHERE ($from IS NULL OR n.publishedOn >= $from) AND ($to IS NULL OR n.publishedOn <= $to)
  AND ($text IS NULL OR toLower(n.title) CONTAINS toLower($text))
  AND ($publisher IS NULL OR EXISTS { (n)-[:PUBLISHED_BY]->(:Entity {key: $publisher}) })
WITH n, CASE WHEN $orderBy = 'MOST_CITED' THEN COUNT { (n)<-[:CITES]-() } END AS cited
ORDER BY CASE WHEN $orderBy = 'TITLE' THEN toLower(n.title) END,
         cited DESC,
         n.publishedOn IS NULL,
         CASE WHEN $orderBy = 'OLDEST_FIRST' THEN n.publishedOn END,
         n.publishedOn DESC, n.key
WITH collect(n) AS ordered
WITH ordered, size(ordered) AS total
WITH ordered, total, CASE WHEN $fromEnd AND total - $limit > $skip THEN total - $limit ELSE $skip END AS start
RETURN total, start, [n IN ordered[start..start + $limit] | {node: n}] AS page
