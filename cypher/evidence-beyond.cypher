// The evidence entries of the given edges beyond their own lists (src/graph/evidence.ts), each edge's in
// evidence order, for the forms that carry an edge's whole evidence: a decision's subgraph and the graph file.
UNWIND $ids AS id
MATCH (e:Evidence {edge: id})
WHERE e.date IS NOT NULL AND e.source IS NOT NULL AND e.quote IS NOT NULL
WITH id, e ORDER BY e.date, e.source, e.quote
RETURN id, collect({source: e.source, quote: e.quote, date: e.date}) AS entries
