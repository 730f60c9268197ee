// Example 6 by hand: the 5 best full-text hits (of at most 1,000, as seslip-kg caps them) with their count,
// and the node and edge counts.
CALL (){
  CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
  WITH node, score ORDER BY score DESC, node.key LIMIT 1000
  WITH collect({node: node, score: score}) AS hits
  RETURN size(hits) AS totalCount, [hit IN hits[0..5] | {
    score: hit.score,
    kind: [l IN labels(hit.node) WHERE l <> 'Entity'][0],
    key: hit.node.key, name: hit.node.name, title: hit.node.title
  }] AS top
}
CALL () {
  MATCH (n:Entity) UNWIND labels(n) AS label WITH label WHERE label <> 'Entity'
  WITH label, count(*) AS count ORDER BY label
  RETURN collect({label: label, count: count}) AS nodes
}
CALL () {
  MATCH ()-[r]->() WITH type(r) AS type, count(*) AS count ORDER BY type
  RETURN collect({type: type, count: count}) AS edges
}
RETURN {totalCount: totalCount, top: top, nodes: nodes, edges: edges} AS data
