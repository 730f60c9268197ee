// Example 2 by hand: the first 50 networks by key, their first 10 contacts by key, each contact's first 5
// authorities and organisations, and the contact edge's first 10 evidence entries (Update number and quote).
MATCH (n:Network)
WITH n ORDER BY n.key LIMIT 50
CALL (n) {
  MATCH (n)<-[c:CONTACT_FOR]-(p:Person)
  WITH c, p ORDER BY p.key LIMIT 10
  CALL (p) {
    MATCH (p)-[:BASED_AT]->(la:LocalAuthority)
    WITH la ORDER BY la.key LIMIT 5
    RETURN collect({node: {name: la.name}}) AS authorities
  }
  CALL (p) {
    MATCH (p)-[:WORKS_FOR]->(o:Organisation)
    WITH o ORDER BY o.key LIMIT 5
    RETURN collect({node: {name: o.name}}) AS organisations
  }
  RETURN collect({
    node: {name: p.name, localAuthorities: {edges: authorities}, organisations: {edges: organisations}},
    evidence: [i IN range(0, size(c.sources[..10]) - 1) |
      {issue: {number: toInteger(head(split(replace(c.sources[i], 'issue:', ''), '/')))}, quote: c.quotes[i]}]
  }) AS contacts
}
RETURN {networks: {edges: collect({node: {name: n.name, contacts: {edges: contacts}}})}} AS data
