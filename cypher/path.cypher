// The shortest connection between two entities, either direction, at most 8 hops (the API's cap). A bound on
// the path itself is left to the caller: a predicate on the path inside shortestPath would make Neo4j fall
// back to an exhaustive search. Nodes projected to $props; hops with their type, ends and first $evidence
// entries: their own lists, then (past the $preview entries an edge keeps) its :Evidence nodes.
MATCH (a:Entity {uid: $from}), (b:Entity {uid: $to})
MATCH p = shortestPath((a)-[*..8]-(b))
RETURN [n IN nodes(p) | {uid: n.uid, key: n.key, label: [l IN labels(n) WHERE l <> 'Entity'][0],
                         values: [prop IN $props | n[prop]]}] AS nodes,
       [r IN relationships(p) | {
         type: type(r), from: startNode(r).uid, to: endNode(r).uid, key: coalesce(r.key, ''),
         rel: [beyond IN [CASE WHEN coalesce(r.overflow, 0) = 0 OR $evidence <= $preview THEN [] ELSE COLLECT {
                 MATCH (e:Evidence {edge: startNode(r).uid + '\t' + type(r) + '\t' + endNode(r).uid + '\t' + coalesce(r.key, '')})
                 WHERE e.date IS NOT NULL AND e.source IS NOT NULL AND e.quote IS NOT NULL
                 WITH e ORDER BY e.date, e.source, e.quote LIMIT toInteger($evidence)
                 RETURN [e.source, e.quote, e.date]
               } END] |
               {values: [], evidenceCount: size(coalesce(r.sources, [])) + coalesce(r.overflow, 0),
                sources: (coalesce(r.sources, []) + [x IN beyond | x[0]])[..$evidence],
                quotes: (coalesce(r.quotes, []) + [x IN beyond | x[1]])[..$evidence],
                seenOn: (coalesce(r.seenOn, []) + [x IN beyond | x[2]])[..$evidence],
                firstSeen: r.firstSeen, lastSeen: r.lastSeen}][0]
       }] AS hops
