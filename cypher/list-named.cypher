// Root list of a named kind ({{label}}: Organisation, Network, LocalAuthority, written in so that only its nodes
// are scanned) by name; SESLIP authorities only on request.
// Sliced in the database: [$skip, $skip + $limit) of the ordered list ($fromEnd: the last $limit), with the
// length of the whole list; each entry's node is projected by the caller (src/storage/lists.ts).
MATCH (n:{{label}})
WHERE $seslip IS NULL OR n.seslip = $seslip
WITH n ORDER BY n.key
WITH collect(n) AS ordered
WITH ordered, size(ordered) AS total
WITH ordered, total, CASE WHEN $fromEnd AND total - $limit > $skip THEN total - $limit ELSE $skip END AS start
RETURN total, start, [n IN ordered[start..start + $limit] | {node: n}] AS page
