// Sets edges' properties folded again after an Update was taken back (row.id is the edge's elementId in this
// transaction): row.props holds the new values and a null for each property no remaining version gives.
UNWIND $rows AS row
MATCH ()-[r]->()
  WHERE elementId(r) = row.id
SET r += row.props, r.versions = row.versions
WITH row, r
CALL (row, r) {
  UNWIND row.ints AS name
  SET r[name] = toInteger(row.props[name])
}
RETURN count(r) AS refolded
