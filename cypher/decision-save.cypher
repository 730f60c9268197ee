// Creates or updates one decision node (keyed by its id) with every property given.
MERGE (d:Decision {id: $props.id})
SET d = $props, d.seq = toInteger($props.seq)
RETURN d.id AS id
