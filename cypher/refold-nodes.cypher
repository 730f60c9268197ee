// Sets nodes' properties folded again after an Update was taken back: row.props holds the new values and a
// null for each property no remaining version gives; integers and searchText as in merge-nodes.cypher.
UNWIND $rows AS row
MATCH (n:Entity {uid: row.uid})
SET n += row.props, n.versions = row.versions
WITH row, n
CALL (row, n) {
  UNWIND row.ints AS name
  SET n[name] = toInteger(row.props[name])
}
SET n.searchText = reduce(text = '', name IN row.lists | text + ' ' + reduce(words = '', v IN coalesce(n[name], []) | words + ' ' + v))
RETURN count(n) AS refolded
