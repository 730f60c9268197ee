// The Neo4j server's version and edition, for the health query.
CALL dbms.components() YIELD versions, edition
RETURN versions[0] AS version, edition
