// Relationship counts per type, each read from Neo4j's count store (no scan); types without edges are left out.
// The types are the edge catalogue's (src/graph/edges.ts); a test checks that this list matches it.
CALL () {
  MATCH ()-[r:HAS_ITEM]->() RETURN 'HAS_ITEM' AS type, count(r) AS count
  UNION ALL
  MATCH ()-[r:CITES]->() RETURN 'CITES' AS type, count(r) AS count
  UNION ALL
  MATCH ()-[r:PUBLISHED_BY]->() RETURN 'PUBLISHED_BY' AS type, count(r) AS count
  UNION ALL
  MATCH ()-[r:AUTHORED_BY]->() RETURN 'AUTHORED_BY' AS type, count(r) AS count
  UNION ALL
  MATCH ()-[r:MENTIONS]->() RETURN 'MENTIONS' AS type, count(r) AS count
  UNION ALL
  MATCH ()-[r:LISTED_IN]->() RETURN 'LISTED_IN' AS type, count(r) AS count
  UNION ALL
  MATCH ()-[r:WORKS_FOR]->() RETURN 'WORKS_FOR' AS type, count(r) AS count
  UNION ALL
  MATCH ()-[r:BASED_AT]->() RETURN 'BASED_AT' AS type, count(r) AS count
  UNION ALL
  MATCH ()-[r:CONTACT_FOR]->() RETURN 'CONTACT_FOR' AS type, count(r) AS count
  UNION ALL
  MATCH ()-[r:HOLDS]->() RETURN 'HOLDS' AS type, count(r) AS count
  UNION ALL
  MATCH ()-[r:ANNOUNCED_IN]->() RETURN 'ANNOUNCED_IN' AS type, count(r) AS count
  UNION ALL
  MATCH ()-[r:CONTACT]->() RETURN 'CONTACT' AS type, count(r) AS count
  UNION ALL
  MATCH ()-[r:INVOLVES]->() RETURN 'INVOLVES' AS type, count(r) AS count
  UNION ALL
  MATCH ()-[r:INSPECTED]->() RETURN 'INSPECTED' AS type, count(r) AS count
  UNION ALL
  MATCH ()-[r:FEEDS]->() RETURN 'FEEDS' AS type, count(r) AS count
  UNION ALL
  MATCH ()-[r:POSSIBLY_SAME_AS]->() RETURN 'POSSIBLY_SAME_AS' AS type, count(r) AS count
}
WITH type, count WHERE count > 0
RETURN type, count
ORDER BY type
