// The shortest connection between two entities, either direction, at most 8 hops (the API's cap;
// $maxHops narrows it). Nodes and hops in order, each hop with its type, ends and properties.
MATCH (a:Entity {uid: $from}), (b:Entity {uid: $to})
MATCH p = shortestPath((a)-[*..8]-(b))
// Filtered after WITH: inside the MATCH the length predicate turns shortestPath into an exhaustive search.
WITH p WHERE length(p) <= $maxHops
RETURN [n IN nodes(p) | n {.*, label: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).uid, to: endNode(r).uid, props: properties(r)}] AS hops
