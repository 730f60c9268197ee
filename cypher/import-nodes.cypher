// `seslip-kg import`, first pass: one batch of nodes with their labels and every property, as exported.
UNWIND $rows AS row
CREATE (n:Entity {uid: row.props.uid})
SET n:$(row.labels), n = row.props
