// Full-text search over every kind (index entity_search), optionally limited to some kinds.
// The hits, unordered: the caller orders them (best first, src/storage/graph-queries.ts), pages them by key and
// projects each node to the requested properties (src/storage/window.ts pagedRows).
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WITH node, score, [l IN labels(node) WHERE l <> 'Entity'][0] AS label
WHERE size($kinds) = 0 OR label IN $kinds
RETURN node, score, label
