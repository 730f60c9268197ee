// For POSSIBLY_SAME_AS: the people whose keys are given ($keys), each with the bodies they work for or are
// based at, and one piece of evidence (the earliest) that they appear in the Updates.
UNWIND $keys AS wanted
MATCH (person:Person {key: wanted})
CALL (person) {
  MATCH (person)-[r]-(other)
  WHERE r.sources IS NOT NULL AND r.rule IS NULL
  // Ties (two edges first read in the same sentence) broken by what the edges are, never by where Neo4j
  // stored them: a graph loaded in another order must derive the same evidence.
  WITH r ORDER BY r.firstSeen, r.sources[0], r.quotes[0], type(r), other.uid, r.key
  LIMIT 1
  RETURN {source: r.sources[0], quote: r.quotes[0], date: r.seenOn[0]} AS evidence
}
RETURN person.key AS key,
       person.name AS name,
       [(person)-[:WORKS_FOR|BASED_AT]->(body) | body.name] AS bodies,
       evidence
ORDER BY key
