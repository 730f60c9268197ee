// Root list: Reports, newest first (undated last), filtered by publisher key, publication date range and title text.
// Sliced in the database: [$skip, $skip + $limit) of the ordered list ($fromEnd: the last $limit), with the
// length of the whole list; each node projected to the requested properties ($props).
MATCH (n:Report)
WHERE ($from IS NULL OR n.publishedOn >= $from) AND ($to IS NULL OR n.publishedOn <= $to)
  AND ($text IS NULL OR toLower(n.title) CONTAINS toLower($text))
  AND ($publisher IS NULL OR EXISTS { (n)-[:PUBLISHED_BY]->(:Entity {key: $publisher}) })
WITH n ORDER BY n.publishedOn IS NULL, n.publishedOn DESC, n.key
WITH collect(n) AS ordered
WITH ordered, size(ordered) AS total
WITH ordered, total, CASE WHEN $fromEnd AND total - $limit > $skip THEN total - $limit ELSE $skip END AS start
RETURN total, start,
       [n IN ordered[start..start + $limit] |
        {uid: n.uid, key: n.key, label: [l IN labels(n) WHERE l <> 'Entity'][0], values: [p IN $props | n[p]]}] AS nodes
