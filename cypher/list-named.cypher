// Root list of a named kind ({{label}}: Organisation, Network, LocalAuthority, written in so that only its nodes
// are scanned) by name; SESLIP authorities only on request.
// The rows, unordered: the caller orders them (the terms in src/storage/lists.ts), pages them by key and
// projects each node (src/storage/window.ts pagedRows).
MATCH (n:{{label}})
WHERE $seslip IS NULL OR n.seslip = $seslip
RETURN n, null AS count
