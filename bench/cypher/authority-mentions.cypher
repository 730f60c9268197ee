// Example 3 by hand: the authority $key, the first 20 items naming it (newest Update first, in Update order),
// their count, their Update and the quotes; and the first 20 meetings it takes part in, newest first.
MATCH (la:LocalAuthority {key: $key})
CALL (la) {
  MATCH (la)<-[m:MENTIONS]-(item:Item)
  WITH m, item ORDER BY item.date DESC, item.issueNumber, item.position
  RETURN collect({m: m, item: item}) AS hits
}
CALL (hits) {
  UNWIND hits[0..20] AS hit
  WITH hit.m AS m, hit.item AS item
  MATCH (issue:Issue)-[:HAS_ITEM]->(item)
  RETURN collect({
    node: {title: item.title, issue: {number: issue.number, date: issue.date}},
    evidence: [quote IN m.quotes | {quote: quote}]
  }) AS mentions
}
CALL (la) {
  MATCH (la)<-[:INVOLVES]-(meeting:Meeting)
  WITH meeting ORDER BY meeting.date DESC, meeting.key LIMIT 20
  RETURN collect({node: {title: meeting.title, date: meeting.date}}) AS meetings
}
RETURN {localAuthority: {
  name: la.name,
  mentionedIn: {totalCount: size(hits), edges: mentions},
  meetings: {edges: meetings}
}} AS data
