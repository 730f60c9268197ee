// How many nodes and relationships the graph holds (its entities; decisions are counted apart): import refuses a
// graph that is not empty.
CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS relationships }
CALL () { MATCH (d:Decision) RETURN count(d) AS decisions }
RETURN nodes, relationships, decisions
