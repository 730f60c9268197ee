// For POSSIBLY_SAME_AS: the people whose keys are given ($keys), each with the bodies they work for or are
// based at, and one piece of evidence (the earliest) that they appear in the Updates.
UNWIND $keys AS wanted
MATCH (person:Person {key: wanted})
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
