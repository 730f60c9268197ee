// Deep query 1 by hand: 20 networks → the 10 newest reports feeding each → the 5 newest items citing each →
// the item's Update → its first 5 contacts with their role.
MATCH (n:Network)
WITH n ORDER BY n.key LIMIT 20
CALL (n) {
  MATCH (n)<-[f:FEEDS]-(r:Report)
  WITH f, r ORDER BY coalesce(r.publishedOn, '') DESC, r.key
  RETURN collect({f: f, r: r}) AS feeds
}
CALL (feeds) {
  UNWIND feeds[0..10] AS feed
  WITH feed.f AS f, feed.r AS r
  CALL (r) {
    MATCH (r)-[:PUBLISHED_BY]->(o:Organisation)
    WITH o ORDER BY o.key LIMIT 1
    RETURN collect({name: o.name})[0] AS publisher
  }
  CALL (r) {
    MATCH (r)<-[:CITES]-(item:Item)
    WITH item ORDER BY item.date DESC, item.issueNumber, item.position
    RETURN collect(item) AS items
  }
  CALL (items) {
    UNWIND items[0..5] AS item
    MATCH (issue:Issue)-[:HAS_ITEM]->(item)
    CALL (issue) {
      MATCH (issue)<-[l:LISTED_IN]-(p:Person)
      WITH l, p ORDER BY p.key LIMIT 5
      RETURN collect({role: coalesce(l.role, ''), node: {name: p.name}}) AS contacts
    }
    RETURN collect({node: {title: item.title, issue: {number: issue.number, contacts: {edges: contacts}}}}) AS cited
  }
  RETURN collect({rule: f.rule, node: {
    title: r.title, publisher: publisher, citedIn: {totalCount: size(items), edges: cited}
  }}) AS reports
}
RETURN {networks: {edges: collect({node: {name: n.name, reports: {totalCount: size(feeds), edges: reports}}})}} AS data
