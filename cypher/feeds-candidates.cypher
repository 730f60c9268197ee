// For deriving FEEDS: the Reports whose keys are given ($reports), each with where it was first read (its
// listing or announcing sentence), who published it, and each Item citing it: the item's text, the sentences
// it cites this and other reports with, and the networks whose contact person it names.
UNWIND $reports AS wanted
MATCH (report:Report {key: wanted})
OPTIONAL CALL (report) {
  MATCH (report)-[r]-(other)
  WHERE r.sources IS NOT NULL AND r.rule IS NULL
  // Ties (two edges first read in the same sentence) broken by what the edges are, never by where Neo4j
  // stored them: a graph loaded in another order must derive the same evidence.
  WITH r ORDER BY r.firstSeen, r.sources[0], r.quotes[0], type(r), other.uid, r.key
  LIMIT 1
  RETURN {source: r.sources[0], quote: r.quotes[0], date: r.seenOn[0]} AS listing
}
RETURN report.key AS report,
       report.title AS title,
       listing,
       [(report)-[:PUBLISHED_BY]->(publisher) | publisher.key] AS publishers,
       [(item:Item)-[cites:CITES]->(report) | {
         item: item.key,
         date: item.date,
         title: item.title,
         text: item.title + '\n' + coalesce(item.body, '') + '\n' + coalesce(item.actionRequired, ''),
         quotes: cites.quotes,
         otherQuotes: [(item)-[other:CITES]->(elsewhere:Report) WHERE elsewhere <> report | other.quotes[0]],
         namedContacts: [(item)-[:MENTIONS]->(person:Person)-[:CONTACT_FOR]->(network:Network) |
           {network: network.key, person: person.name}]
       }] AS citations
ORDER BY report
