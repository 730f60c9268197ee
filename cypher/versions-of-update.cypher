// The nodes and edges holding a description from Update $number (src/load/versions.ts: "<numbers> <JSON>"),
// so that taking the Update back can fold their properties again from the other Updates' descriptions.
WITH toString(toInteger($number)) AS number
CALL (number) {
  MATCH (n:Entity)
    WHERE n.versions IS NOT NULL AND any(version IN n.versions WHERE number IN split(split(version, ' ')[0], ','))
  RETURN collect({id: n.uid, label: labels(n), versions: n.versions}) AS nodes
}
CALL (number) {
  MATCH ()-[r]->()
    WHERE r.versions IS NOT NULL AND any(version IN r.versions WHERE number IN split(split(version, ' ')[0], ','))
  RETURN collect({id: elementId(r), type: type(r), versions: r.versions}) AS edges
}
RETURN nodes, edges
