// Decisions: the relationships with these identities (type, ends, key), as decision-read-subgraph gives them.
UNWIND $edges AS e
MATCH (a:Entity {uid: e.from})-[r]->(b:Entity {uid: e.to})
WHERE type(r) = e.type AND coalesce(r.key, '') = e.key
RETURN {type: type(r), from: a.uid, to: b.uid, props: properties(r),
        ints: [k IN keys(r) WHERE valueType(r[k]) STARTS WITH 'INTEGER'],
        intLists: [k IN keys(r) WHERE valueType(r[k]) STARTS WITH 'LIST<INTEGER']} AS rel
