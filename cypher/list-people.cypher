// Root list: People by name ($orderBy NAME) or most recently seen first (LAST_SEEN: the latest Update that
// names them), filtered by the organisation they work for, the authority they are based at,
// and the network they are the contact for (keys).
// Sliced in the database: [$skip, $skip + $limit) of the ordered list ($fromEnd: the last $limit), with the
// length of the whole list; each entry's node is projected by the caller (src/storage/lists.ts).
MATCH (n:Person)
WHERE ($organisation IS NULL OR EXISTS { (n)-[:WORKS_FOR]->(:Organisation {key: $organisation}) })
  AND ($authority IS NULL OR EXISTS { (n)-[:BASED_AT]->(:LocalAuthority {key: $authority}) })
  AND ($network IS NULL OR EXISTS { (n)-[:CONTACT_FOR]->(:Network {key: $network}) })
WITH n ORDER BY CASE WHEN $orderBy = 'LAST_SEEN' THEN n.lastIssue END DESC, n.key
WITH collect(n) AS ordered
WITH ordered, size(ordered) AS total
WITH ordered, total, CASE WHEN $fromEnd AND total - $limit > $skip THEN total - $limit ELSE $skip END AS start
RETURN total, start, [n IN ordered[start..start + $limit] | {node: n}] AS page
