// The reports cited by items that name one of the given people ($uids): when a person becomes a network's
// contact (or stops being one), these reports may feed that network (or no longer), by the names-contact rule.
UNWIND $uids AS uid
MATCH (:Entity {uid: uid})<-[:MENTIONS]-(:Item)-[:CITES]->(report:Report)
RETURN DISTINCT report.key AS key
