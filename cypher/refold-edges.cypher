// Sets the properties of edges (row.type, each) folded again after an Update was taken back: row.props holds
// the new values and a null for each property no remaining version gives; integers as in merge-edges.cypher.
UNWIND $rows AS row
MATCH (:Entity {uid: row.from})-[r {key: row.key}]->(:Entity {uid: row.to})
WHERE type(r) = row.type
SET r += row.props, r.versions = row.versions
WITH row, r
CALL (row, r) {
  UNWIND row.ints AS name
  SET r[name] = toInteger(row.props[name])
}
RETURN count(r) AS refolded
