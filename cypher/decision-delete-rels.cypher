// Decisions: deletes the relationships with these identities (type, ends, key).
UNWIND $edges AS e
MATCH (a:Entity {uid: e.from})-[r]->(b:Entity {uid: e.to})
WHERE type(r) = e.type AND coalesce(r.key, '') = e.key
DELETE r
RETURN count(*) AS deleted
