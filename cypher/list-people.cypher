// Root list: People by name, filtered by the organisation they work for, the authority they are based at,
// and the network they are the contact for (keys).
MATCH (n:Person)
WHERE ($organisation IS NULL OR EXISTS { (n)-[:WORKS_FOR]->(:Organisation {key: $organisation}) })
  AND ($authority IS NULL OR EXISTS { (n)-[:BASED_AT]->(:LocalAuthority {key: $authority}) })
  AND ($network IS NULL OR EXISTS { (n)-[:CONTACT_FOR]->(:Network {key: $network}) })
RETURN n {.*, label: 'Person'} AS node
ORDER BY n.key
