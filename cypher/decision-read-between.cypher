// Decisions: the relationships of one type between any two of these nodes (keepApart's POSSIBLY_SAME_AS).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.uid IN $uids AND b.uid IN $uids AND type(r) = $type
RETURN {type: type(r), from: a.uid, to: b.uid, props: properties(r),
        ints: [k IN keys(r) WHERE valueType(r[k]) STARTS WITH 'INTEGER'],
        intLists: [k IN keys(r) WHERE valueType(r[k]) STARTS WITH 'LIST<INTEGER']} AS rel
