// One page of `seslip-kg export`: the next $limit nodes after uid $after, each with its outgoing relationships.
// Paging on the unique uid (an index seek) keeps each page as cheap as the first.
MATCH (n:Entity)
WHERE n.uid > $after
WITH n ORDER BY n.uid LIMIT toInteger($limit)
OPTIONAL MATCH (n)-[r]->(m:Entity)
WITH n, collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), to: m.uid, props: properties(r)} END) AS out
RETURN labels(n) AS labels, properties(n) AS props, out
ORDER BY props.uid
