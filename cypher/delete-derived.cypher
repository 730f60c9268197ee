// Removes every derived edge of one type before it is recomputed.
MATCH ()-[r:$($type)]->()
DELETE r
RETURN count(r) AS deleted
