// Creates derived edges (FEEDS, POSSIBLY_SAME_AS) with their rule, terms and evidence lists.
UNWIND $rows AS row
MATCH (a:Entity {uid: row.from})
MATCH (b:Entity {uid: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS created
