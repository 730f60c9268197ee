// Root list: Reports in $orderBy order (NEWEST_FIRST, OLDEST_FIRST, TITLE, MOST_CITED; undated last where dates
// order them), filtered by publisher key, publication date range and title text.
// The rows, unordered: the caller orders them (the terms in src/storage/lists.ts), pages them by key and
// projects each node (src/storage/window.ts pagedRows).
MATCH (n:Report)
WHERE ($from IS NULL OR n.publishedOn >= $from) AND ($to IS NULL OR n.publishedOn <= $to)
  AND ($text IS NULL OR toLower(n.title) CONTAINS toLower($text))
  AND ($publisher IS NULL OR EXISTS { (n)-[:PUBLISHED_BY]->(:Entity {key: $publisher}) })
RETURN n, CASE WHEN $orderBy = 'MOST_CITED' THEN COUNT { (n)<-[:CITES]-() } END AS count
