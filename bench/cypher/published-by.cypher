// Example 4 by hand: the organisation $key, its 20 newest reports (undated last), their count, and how many
// items cite each.
MATCH (o:Organisation {key: $key})
CALL (o) {
  MATCH (o)<-[:PUBLISHED_BY]-(r:Report)
  WITH r ORDER BY coalesce(r.publishedOn, '') DESC, r.key
  RETURN collect(r) AS reports
}
CALL (reports) {
  UNWIND reports[0..20] AS r
  RETURN collect({node: {
    title: r.title, publishedOn: r.publishedOn, kind: r.kind,
    citedIn: {totalCount: COUNT { (r)<-[:CITES]-(:Item) }}
  }}) AS edges
}
RETURN {organisation: {name: o.name, reports: {totalCount: size(reports), edges: edges}}} AS data
