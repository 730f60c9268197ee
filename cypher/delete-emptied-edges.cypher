// After a replacement: deletes those of the given edges of type {{type}} that no Update gives evidence for.
UNWIND $rows AS row
MATCH (:Entity {uid: row.from})-[r:{{type}} {key: row.key}]->(:Entity {uid: row.to})
WHERE size(coalesce(r.sources, [])) = 0
DELETE r
RETURN count(r) AS deleted
