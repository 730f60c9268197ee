// The nodes and edges holding a version from one Update (src/load/versions.ts; $stamp is its prefix), so that
// taking the Update back can fold their properties again from the other Updates' versions.
CALL () {
  MATCH (n:Entity)
    WHERE n.versions IS NOT NULL AND any(version IN n.versions WHERE version STARTS WITH $stamp)
  RETURN collect({id: n.uid, label: labels(n), versions: n.versions}) AS nodes
}
CALL () {
  MATCH ()-[r]->()
    WHERE r.versions IS NOT NULL AND any(version IN r.versions WHERE version STARTS WITH $stamp)
  RETURN collect({id: elementId(r), type: type(r), versions: r.versions}) AS edges
}
RETURN nodes, edges
