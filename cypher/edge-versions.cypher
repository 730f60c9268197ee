// The stored versions (src/load/versions.ts) of those of the given edges that exist already. Each row names
// its edge's type, so one query serves every type: an edge is found between its two ends, both found by uid,
// from the end with fewer relationships (Expand(Into)), and the type checked there.
UNWIND $rows AS row
MATCH (:Entity {uid: row.from})-[r {key: row.key}]->(:Entity {uid: row.to})
WHERE type(r) = row.type
RETURN row.id AS id, coalesce(r.versions, []) AS versions
