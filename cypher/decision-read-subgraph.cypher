// Decisions: the nodes with these uids and every relationship that touches them, each property with whether
// it is stored as an integer (or a list of integers), so that a decision can put them back exactly.
OPTIONAL MATCH (n:Entity) WHERE n.uid IN $uids
WITH collect(n) AS ns
CALL (ns) {
  UNWIND ns AS n
  MATCH (n)-[r]-()
  RETURN collect(DISTINCT r) AS rs
}
RETURN [n IN ns | {labels: labels(n), props: properties(n),
                   ints: [k IN keys(n) WHERE valueType(n[k]) STARTS WITH 'INTEGER'],
                   intLists: [k IN keys(n) WHERE valueType(n[k]) STARTS WITH 'LIST<INTEGER']}] AS nodes,
       [r IN rs | {type: type(r), from: startNode(r).uid, to: endNode(r).uid, props: properties(r),
                   ints: [k IN keys(r) WHERE valueType(r[k]) STARTS WITH 'INTEGER'],
                   intLists: [k IN keys(r) WHERE valueType(r[k]) STARTS WITH 'LIST<INTEGER']}] AS rels
