// Root list: Reports, newest first (undated last), filtered by publisher key, publication date range and title text.
MATCH (n:Report)
WHERE ($from IS NULL OR n.publishedOn >= $from) AND ($to IS NULL OR n.publishedOn <= $to)
  AND ($text IS NULL OR toLower(n.title) CONTAINS toLower($text))
  AND ($publisher IS NULL OR EXISTS { (n)-[:PUBLISHED_BY]->(:Organisation {key: $publisher}) })
RETURN n {.*, label: 'Report'} AS node
ORDER BY n.publishedOn IS NULL, n.publishedOn DESC, n.key
