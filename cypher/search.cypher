// Full-text search over every kind (index entity_search), best first, optionally limited to some kinds.
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WITH node, score, [l IN labels(node) WHERE l <> 'Entity'][0] AS label
WHERE size($kinds) = 0 OR label IN $kinds
RETURN node {.*, label: label} AS node, score
ORDER BY score DESC, node.key
LIMIT 1000
