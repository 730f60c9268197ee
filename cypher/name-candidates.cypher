// Entities of one label whose names match user words (index entity_search: names, titles, aliases and
// variants), best first: the candidates for a name that is not exactly a known one.
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WITH node, score WHERE $label IN labels(node)
RETURN node.key AS key, coalesce(node.name, node.title) AS name, score
ORDER BY score DESC, key
LIMIT toInteger($limit)
