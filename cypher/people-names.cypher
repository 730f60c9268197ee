// Every person's key and name: derive pairs the people an ingest touched with those of a like name.
MATCH (person:Person)
RETURN person.key AS key, person.name AS name
ORDER BY key
