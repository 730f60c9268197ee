// Deletes every :Evidence node of the given edges (a decision rewrites them with their relationships).
UNWIND $ids AS id
MATCH (e:Evidence {edge: id})
WHERE e.date IS NOT NULL AND e.source IS NOT NULL AND e.quote IS NOT NULL
DELETE e
RETURN count(*) AS deleted
