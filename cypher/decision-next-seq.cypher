// The next decision's place in the order.
OPTIONAL MATCH (d:Decision)
RETURN coalesce(max(d.seq), 0) + 1 AS seq
