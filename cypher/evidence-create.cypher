// Stores the entries beyond an edge's own lists as :Evidence nodes and counts them on the edge (a decision's
// or an import's relationships, created just before with the first entries in their lists). row.entries carry
// the Update each came from (null for a decision's own).
UNWIND $rows AS row
MATCH (:Entity {uid: row.from})-[r]->(:Entity {uid: row.to})
WHERE type(r) = row.type AND coalesce(r.key, '') = row.key
SET r.overflow = size(row.entries)
WITH row
UNWIND row.entries AS e
CREATE (:Evidence {edge: row.id, source: e.source, quote: e.quote, date: e.date, issue: toInteger(e.issue)})
RETURN count(*) AS created
