// Relationship counts per type, each read from Neo4j's count store (no scan: a COUNT subquery is; a MATCH …
// count(r) under UNION is planned as a type scan); types without edges are left out.
// The types are the edge catalogue's (src/graph/edges.ts); a test checks that this list matches it.
CALL () {
  RETURN 'HAS_ITEM' AS type, COUNT { ()-[:HAS_ITEM]->() } AS count
  UNION ALL
  RETURN 'CITES' AS type, COUNT { ()-[:CITES]->() } AS count
  UNION ALL
  RETURN 'PUBLISHED_BY' AS type, COUNT { ()-[:PUBLISHED_BY]->() } AS count
  UNION ALL
  RETURN 'AUTHORED_BY' AS type, COUNT { ()-[:AUTHORED_BY]->() } AS count
  UNION ALL
  RETURN 'MENTIONS' AS type, COUNT { ()-[:MENTIONS]->() } AS count
  UNION ALL
  RETURN 'HEADER_MENTIONS' AS type, COUNT { ()-[:HEADER_MENTIONS]->() } AS count
  UNION ALL
  RETURN 'LISTED_IN' AS type, COUNT { ()-[:LISTED_IN]->() } AS count
  UNION ALL
  RETURN 'WORKS_FOR' AS type, COUNT { ()-[:WORKS_FOR]->() } AS count
  UNION ALL
  RETURN 'BASED_AT' AS type, COUNT { ()-[:BASED_AT]->() } AS count
  UNION ALL
  RETURN 'CONTACT_FOR' AS type, COUNT { ()-[:CONTACT_FOR]->() } AS count
  UNION ALL
  RETURN 'HOLDS' AS type, COUNT { ()-[:HOLDS]->() } AS count
  UNION ALL
  RETURN 'ANNOUNCED_IN' AS type, COUNT { ()-[:ANNOUNCED_IN]->() } AS count
  UNION ALL
  RETURN 'CONTACT' AS type, COUNT { ()-[:CONTACT]->() } AS count
  UNION ALL
  RETURN 'INVOLVES' AS type, COUNT { ()-[:INVOLVES]->() } AS count
  UNION ALL
  RETURN 'INSPECTED' AS type, COUNT { ()-[:INSPECTED]->() } AS count
  UNION ALL
  RETURN 'FEEDS' AS type, COUNT { ()-[:FEEDS]->() } AS count
  UNION ALL
  RETURN 'POSSIBLY_SAME_AS' AS type, COUNT { ()-[:POSSIBLY_SAME_AS]->() } AS count
}
WITH type, count WHERE count > 0
RETURN type, count
ORDER BY type
