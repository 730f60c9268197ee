// Deep query 2 by hand: the first 30 people by key (and how many there are) → the first 5 networks each is
// the contact for → each network's 5 newest meetings (and their count) → the first 3 items announcing each.
CALL () {
  MATCH (p:Person)
  RETURN count(p) AS people
}
MATCH (p:Person)
WITH people, p ORDER BY p.key LIMIT 30
CALL (p) {
  MATCH (p)-[:CONTACT_FOR]->(n:Network)
  WITH n ORDER BY n.key LIMIT 5
  CALL (n) {
    MATCH (n)-[:HOLDS]->(m:Meeting)
    WITH m ORDER BY m.date DESC, m.key
    RETURN collect(m) AS meetings
  }
  CALL (meetings) {
    UNWIND meetings[0..5] AS m
    CALL (m) {
      MATCH (m)-[:ANNOUNCED_IN]->(item:Item)<-[:HAS_ITEM]-(issue:Issue)
      WITH item, issue ORDER BY item.date DESC, item.issueNumber, item.position LIMIT 3
      RETURN collect({node: {title: item.title, issue: {number: issue.number}}}) AS announcedIn
    }
    RETURN collect({node: {date: m.date, time: m.time, announcedIn: {edges: announcedIn}}}) AS newest
  }
  RETURN collect({node: {name: n.name, meetings: {totalCount: size(meetings), edges: newest}}}) AS networks
}
WITH people, collect({node: {name: p.name, networks: {edges: networks}}}) AS edges
RETURN {people: {totalCount: people, edges: edges}} AS data
