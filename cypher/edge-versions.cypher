// The stored versions (src/load/versions.ts) of those of the given edges of type {{type}} that exist already.
// The type is written in (a slot), so each edge is found by expanding only that type from its ends.
UNWIND $rows AS row
MATCH (:Entity {uid: row.from})-[r:{{type}} {key: row.key}]->(:Entity {uid: row.to})
RETURN row.id AS id, coalesce(r.versions, []) AS versions
