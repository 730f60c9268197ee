// Decisions: creates relationships with every property; `ints`/`intLists` name those stored as integers.
UNWIND $rows AS row
MATCH (a:Entity {uid: row.from}), (b:Entity {uid: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
WITH r, row
CALL (r, row) {
  UNWIND row.ints AS k
  SET r[k] = toInteger(r[k])
}
CALL (r, row) {
  UNWIND row.intLists AS k
  SET r[k] = [x IN r[k] | toInteger(x)]
}
RETURN count(r) AS created
