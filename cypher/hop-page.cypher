// One page of a relationship hop for a batch of parents (one DataLoader batch): per parent, the nodes reached
// through {{type}} (written into the text so that the expand reads only that type) in direction $out (true: parent -> node), within the date range [$from, $to] of the node's
// date (a Report's publication date), ordered in
// the database (an Update's items by position; otherwise newest first, undated last, $oldestFirst reverses
// the dates; then position and key), sliced to [$skip, $skip + $limit) (from the end when $fromEnd), and
// projected to the requested node properties ($props), relationship properties ($relProps) and the first
// $evidence evidence entries. Only references are collected before the slice; only the page is projected.
UNWIND $parents AS parentUid
MATCH (parent:Entity {uid: parentUid})
CALL (parent) {
  MATCH (parent)-[rel:{{type}}]-(node:Entity)
  WHERE (startNode(rel) = parent) = $out
  WITH rel, node, coalesce(node.date, node.publishedOn) AS dated
  WHERE ($from IS NULL OR dated >= $from) AND ($to IS NULL OR dated <= $to)
  ORDER BY rel.position, dated IS NULL,
           CASE WHEN $oldestFirst THEN dated END,
           CASE WHEN NOT $oldestFirst THEN dated END DESC,
           node.position, node.key
  RETURN collect({rel: rel, node: node}) AS ordered
}
WITH parentUid, ordered, size(ordered) AS total
WITH parentUid, ordered, total,
     CASE WHEN $fromEnd AND total - $limit > $skip THEN total - $limit ELSE $skip END AS start
RETURN parentUid, total, start,
       [hit IN ordered[start..start + $limit] | {
         node: {uid: hit.node.uid, key: hit.node.key,
                label: [l IN labels(hit.node) WHERE l <> 'Entity'][0],
                values: [p IN $props | hit.node[p]]},
         rel: {values: [p IN $relProps | hit.rel[p]],
               evidenceCount: size(coalesce(hit.rel.sources, [])),
               sources: coalesce(hit.rel.sources, [])[..$evidence],
               quotes: coalesce(hit.rel.quotes, [])[..$evidence],
               seenOn: coalesce(hit.rel.seenOn, [])[..$evidence],
               firstSeen: hit.rel.firstSeen, lastSeen: hit.rel.lastSeen}
       }] AS hits
