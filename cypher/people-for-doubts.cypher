// For POSSIBLY_SAME_AS: every Person with the bodies they work for or are based at, and one piece of
// evidence (the earliest) that they appear in the Updates.
MATCH (person:Person)
CALL (person) {
  MATCH (person)-[r]-()
  WHERE r.sources IS NOT NULL AND r.rule IS NULL
  WITH r ORDER BY r.firstSeen, r.sources[0]
  LIMIT 1
  RETURN {source: r.sources[0], quote: r.quotes[0], date: r.seenOn[0]} AS evidence
}
RETURN person.key AS key,
       person.name AS name,
       [(person)-[:WORKS_FOR|BASED_AT]->(body) | body.name] AS bodies,
       evidence
ORDER BY key
