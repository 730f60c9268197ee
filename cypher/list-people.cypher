// Root list: People by name ($orderBy NAME) or most recently seen first (LAST_SEEN: the latest Update that
// names them), filtered by the organisation they work for, the authority they are based at,
// and the network they are the contact for (keys).
// The rows, unordered: the caller orders them (the terms in src/storage/lists.ts), pages them by key and
// projects each node (src/storage/window.ts pagedRows).
MATCH (n:Person)
WHERE ($organisation IS NULL OR EXISTS { (n)-[:WORKS_FOR]->(:Organisation {key: $organisation}) })
  AND ($authority IS NULL OR EXISTS { (n)-[:BASED_AT]->(:LocalAuthority {key: $authority}) })
  AND ($network IS NULL OR EXISTS { (n)-[:CONTACT_FOR]->(:Network {key: $network}) })
RETURN n, null AS count
