// Root list of a named kind ({{label}}: Organisation, Network, LocalAuthority, written in so that only its nodes
// are scanned) by name; SESLIP authorities only on request.
// Sliced in the database: [$skip, $skip + $limit) of the ordered list ($fromEnd: the last $limit), with the
// length of the whole list; each node projected to the requested properties ($props).
MATCH (n:{{label}})
WHERE $seslip IS NULL OR n.seslip = $seslip
WITH n ORDER BY n.key
WITH collect(n) AS ordered
WITH ordered, size(ordered) AS total
WITH ordered, total, CASE WHEN $fromEnd AND total - $limit > $skip THEN total - $limit ELSE $skip END AS start
RETURN total, start,
       [n IN ordered[start..start + $limit] |
        {uid: n.uid, key: n.key, label: [l IN labels(n) WHERE l <> 'Entity'][0], values: [p IN $props | n[p]]}] AS nodes
