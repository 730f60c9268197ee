// Example 5 by hand: the network $key, its aliases, its 20 newest meetings with time, topic, first contact
// and the first 20 items announcing each (newest Update first) with their Update number.
MATCH (n:Network {key: $key})
CALL (n) {
  MATCH (n)-[:HOLDS]->(m:Meeting)
  WITH m ORDER BY m.date DESC, m.key LIMIT 20
  CALL (m) {
    MATCH (m)-[:CONTACT]->(p:Person)
    WITH p ORDER BY p.key LIMIT 1
    RETURN collect({name: p.name})[0] AS contact
  }
  CALL (m) {
    MATCH (m)-[:ANNOUNCED_IN]->(item:Item)<-[:HAS_ITEM]-(issue:Issue)
    WITH item, issue ORDER BY item.date DESC, item.issueNumber, item.position LIMIT 20
    RETURN collect({node: {title: item.title, issue: {number: issue.number}}}) AS announcedIn
  }
  RETURN collect({node: {date: m.date, time: m.time, topic: m.topic, contact: contact, announcedIn: {edges: announcedIn}}}) AS meetings
}
RETURN {network: {name: n.name, aliases: coalesce(n.aliases, []), meetings: {edges: meetings}}} AS data
