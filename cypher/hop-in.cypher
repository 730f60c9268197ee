// One relationship hop against the arrow for many parents at once (a DataLoader batch): the nodes that
// point to each parent through $type, limited to $labels when given, with the relationship's properties.
UNWIND $keys AS key
MATCH (parent:Entity {uid: key})<-[rel:$($type)]-(node:Entity)
WHERE size($labels) = 0 OR any(label IN labels(node) WHERE label IN $labels)
RETURN key, node {.*, label: [l IN labels(node) WHERE l <> 'Entity'][0]} AS node, properties(rel) AS rel
