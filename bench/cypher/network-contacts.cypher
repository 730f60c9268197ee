// Example 2 by hand: the first 50 networks by key, their first 20 contacts by key, each contact's first 20
// authorities and organisations, and the contact edge's evidence (Update number and quote).
MATCH (n:Network)
WITH n ORDER BY n.key LIMIT 50
CALL (n) {
  MATCH (n)<-[c:CONTACT_FOR]-(p:Person)
  WITH c, p ORDER BY p.key LIMIT 20
  CALL (p) {
    MATCH (p)-[:BASED_AT]->(la:LocalAuthority)
    WITH la ORDER BY la.key LIMIT 20
    RETURN collect({node: {name: la.name}}) AS authorities
  }
  CALL (p) {
    MATCH (p)-[:WORKS_FOR]->(o:Organisation)
    WITH o ORDER BY o.key LIMIT 20
    RETURN collect({node: {name: o.name}}) AS organisations
  }
  RETURN collect({
    node: {name: p.name, localAuthorities: {edges: authorities}, organisations: {edges: organisations}},
    evidence: [i IN range(0, size(c.sources) - 1) |
      {issue: {number: toInteger(head(split(replace(c.sources[i], 'issue:', ''), '/')))}, quote: c.quotes[i]}]
  }) AS contacts
}
RETURN {networks: {edges: collect({node: {name: n.name, contacts: {edges: contacts}}})}} AS data
