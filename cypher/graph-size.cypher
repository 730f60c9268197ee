// How many nodes and relationships the graph holds (its entities; decisions are counted apart, and have no
// relationships): import refuses a graph that is not empty. Each count is read from Neo4j's count store.
CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () { MATCH (d:Decision) RETURN count(d) AS decisions }
RETURN nodes, relationships, decisions
