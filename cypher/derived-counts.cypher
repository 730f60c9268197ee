// How many derived edges the graph holds, for the summary of an ingest or a derive (from the count store).
CALL () { MATCH ()-[r:FEEDS]->() RETURN count(r) AS feeds }
CALL () { MATCH ()-[r:POSSIBLY_SAME_AS]->() RETURN count(r) AS possiblySameAs }
RETURN feeds, possiblySameAs
