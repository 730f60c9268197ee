// For deriving FEEDS: every Item that cites a Report, with its text and the networks it names directly
// or through a network's contact person.
MATCH (item:Item)-[:CITES]->(report:Report)
RETURN report.key AS report,
       item.key AS item,
       item.date AS date,
       item.title AS title,
       item.title + '\n' + coalesce(item.body, '') + '\n' + coalesce(item.actionRequired, '') AS text,
       [(item)-[:MENTIONS]->(network:Network) | {network: network.key, name: network.name}] AS namedNetworks,
       [(item)-[:MENTIONS]->(person:Person)-[:CONTACT_FOR]->(network:Network) |
         {network: network.key, name: network.name, person: person.name}] AS namedContacts
ORDER BY report, item
