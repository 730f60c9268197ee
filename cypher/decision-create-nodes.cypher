// Decisions: creates nodes with their labels and every property; `ints`/`intLists` name those stored as integers.
UNWIND $rows AS row
CREATE (n:Entity {uid: row.props.uid})
SET n:$(row.labels), n = row.props
WITH n, row
CALL (n, row) {
  UNWIND row.ints AS k
  SET n[k] = toInteger(n[k])
}
CALL (n, row) {
  UNWIND row.intLists AS k
  SET n[k] = [x IN n[k] | toInteger(x)]
}
RETURN count(n) AS created
