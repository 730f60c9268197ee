// Node counts per label (the Entity label every node carries is left out).
MATCH (n:Entity)
UNWIND labels(n) AS label
WITH label WHERE label <> 'Entity'
RETURN label, count(*) AS count
ORDER BY label
