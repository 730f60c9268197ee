// After a replacement: deletes those of the given edges (row.type, each) that no Update gives evidence for.
UNWIND $rows AS row
MATCH (:Entity {uid: row.from})-[r {key: row.key}]->(:Entity {uid: row.to})
WHERE type(r) = row.type AND size(coalesce(r.sources, [])) = 0
DELETE r
RETURN count(r) AS deleted
