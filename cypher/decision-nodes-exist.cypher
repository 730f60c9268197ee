// Decisions: which of these uids name a node, and its label (to check a decision's subjects before writing).
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
RETURN n.uid AS uid, [l IN labels(n) WHERE l <> 'Entity'][0] AS label
