// Removes the given derived edges of one type (rows of from/to uids): those derive no longer gives, or gives
// with other properties (create-derived writes them again).
UNWIND $rows AS row
MATCH (:Entity {uid: row.from})-[r:$($type)]->(:Entity {uid: row.to})
DELETE r
RETURN count(r) AS deleted
