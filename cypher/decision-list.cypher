// Decisions, oldest first (the order they are applied in), with every stored property.
MATCH (d:Decision)
RETURN properties(d) AS decision
ORDER BY d.seq, d.id
