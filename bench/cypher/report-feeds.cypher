// Example 1 by hand: the first $first FEEDS pairs in seslip-kg's order (network, most recently cited, report),
// with the pair count, each report's first publisher and every evidence entry with its Update and item.
MATCH (r:Report)-[f:FEEDS]->(n:Network)
WITH r, f, n ORDER BY n.key, f.lastSeen DESC, r.key
WITH collect({r: r, f: f, n: n}) AS pairs
CALL (pairs) {
  UNWIND pairs[0..$first] AS pair
  WITH pair.r AS r, pair.f AS f, pair.n AS n
  CALL (r) {
    MATCH (r)-[:PUBLISHED_BY]->(o:Organisation)
    WITH o ORDER BY o.key LIMIT 1
    RETURN collect({name: o.name})[0] AS publisher
  }
  CALL (f) {
    UNWIND range(0, size(f.sources) - 1) AS i
    WITH i, f.sources[i] AS source ORDER BY i
    OPTIONAL MATCH (item:Entity {uid: 'Item:' + source})
    WITH i, item, head(split(replace(source, 'issue:', ''), '/')) AS number
    MATCH (issue:Entity {uid: 'Issue:issue:' + number})
    RETURN collect({
      issue: {number: issue.number, date: issue.date},
      item: CASE WHEN item IS NULL THEN null ELSE {title: item.title} END,
      quote: f.quotes[i]
    }) AS evidence
  }
  RETURN collect({node: {
    network: {name: n.name},
    report: {title: r.title, publishedOn: r.publishedOn, publisher: publisher},
    rule: f.rule, terms: f.terms, evidence: evidence
  }}) AS edges
}
RETURN {reportFeeds: {totalCount: size(pairs), edges: edges}} AS data
