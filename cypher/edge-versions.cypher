// The stored versions (src/load/versions.ts) of those of the given edges that exist already.
UNWIND $rows AS row
MATCH (:Entity {uid: row.from})-[r]->(:Entity {uid: row.to})
  WHERE type(r) = row.type AND r.key = row.key
RETURN row.id AS id, coalesce(r.versions, []) AS versions
