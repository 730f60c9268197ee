// `seslip-kg import`, second pass: one batch of relationships between nodes the first pass created.
UNWIND $rows AS row
MATCH (a:Entity {uid: row.from}), (b:Entity {uid: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS created
