// The derived edges of one type as they stand (ends and properties), so that derive writes only what changed.
MATCH (a)-[r:$($type)]->(b)
RETURN a.uid AS from, b.uid AS to, properties(r) AS props
