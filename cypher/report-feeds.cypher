// Report–network pairs from the derived FEEDS edges, optionally for one network (key) and a period (the citing
// items' Update dates overlap [from, to]), ordered by network then most recently cited, sliced in the database
// ([$skip, $skip + $limit), $fromEnd: the last $limit) with the number of pairs. Reports and networks are
// projected to $reportProps and $networkProps, the edge to $relProps and its first $evidence entries.
MATCH (r:Report)-[f:FEEDS]->(n:Network)
WHERE ($network IS NULL OR n.key = $network)
  AND ($from IS NULL OR f.lastSeen >= $from) AND ($to IS NULL OR f.firstSeen <= $to)
WITH r, f, n ORDER BY n.key, f.lastSeen DESC, r.key
WITH collect({r: r, f: f, n: n}) AS ordered
WITH ordered, size(ordered) AS total
WITH ordered, total, CASE WHEN $fromEnd AND total - $limit > $skip THEN total - $limit ELSE $skip END AS start
RETURN total, start,
       [x IN ordered[start..start + $limit] | {
         report: {uid: x.r.uid, key: x.r.key, label: 'Report', values: [p IN $reportProps | x.r[p]]},
         network: {uid: x.n.uid, key: x.n.key, label: 'Network', values: [p IN $networkProps | x.n[p]]},
         rel: {values: [p IN $relProps | x.f[p]], evidenceCount: size(coalesce(x.f.sources, [])),
               sources: coalesce(x.f.sources, [])[..$evidence], quotes: coalesce(x.f.quotes, [])[..$evidence],
               seenOn: coalesce(x.f.seenOn, [])[..$evidence], firstSeen: x.f.firstSeen, lastSeen: x.f.lastSeen}
       }] AS feeds
