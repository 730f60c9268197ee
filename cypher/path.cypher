// The shortest connection between two entities, either direction, at most 8 hops (the API's cap). A bound on
// the path itself is left to the caller: a predicate on the path inside shortestPath would make Neo4j fall
// back to an exhaustive search. Nodes projected to $props; hops with their type, ends and first $evidence entries.
MATCH (a:Entity {uid: $from}), (b:Entity {uid: $to})
MATCH p = shortestPath((a)-[*..8]-(b))
RETURN [n IN nodes(p) | {uid: n.uid, key: n.key, label: [l IN labels(n) WHERE l <> 'Entity'][0],
                         values: [prop IN $props | n[prop]]}] AS nodes,
       [r IN relationships(p) | {
         type: type(r), from: startNode(r).uid, to: endNode(r).uid, key: coalesce(r.key, ''),
         rel: {values: [], evidenceCount: size(coalesce(r.sources, [])),
               sources: coalesce(r.sources, [])[..$evidence], quotes: coalesce(r.quotes, [])[..$evidence],
               seenOn: coalesce(r.seenOn, [])[..$evidence], firstSeen: r.firstSeen, lastSeen: r.lastSeen}
       }] AS hops
