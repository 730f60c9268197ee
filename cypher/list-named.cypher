// Root list of a named kind (Organisation, Network, LocalAuthority) by name; SESLIP authorities only on request.
MATCH (n:Entity)
WHERE $label IN labels(n) AND ($seslip IS NULL OR n.seslip = $seslip)
RETURN n {.*, label: $label} AS node
ORDER BY n.key
