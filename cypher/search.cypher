// Full-text search over every kind (index entity_search), best first, optionally limited to some kinds.
// Sliced in the database ([$skip, $skip + $limit), $fromEnd: the last $limit) with the number of hits;
// each node projected to the requested properties ($props).
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WITH node, score, [l IN labels(node) WHERE l <> 'Entity'][0] AS label
WHERE size($kinds) = 0 OR label IN $kinds
WITH node, score, label ORDER BY score DESC, node.key
WITH collect({node: node, score: score, label: label}) AS ordered
WITH ordered, size(ordered) AS total
WITH ordered, total, CASE WHEN $fromEnd AND total - $limit > $skip THEN total - $limit ELSE $skip END AS start
RETURN total, start,
       [hit IN ordered[start..start + $limit] |
        {score: hit.score,
         node: {uid: hit.node.uid, key: hit.node.key, label: hit.label, values: [p IN $props | hit.node[p]]}}] AS hits
