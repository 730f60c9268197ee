// How many Updates the graph holds: `serve` loads seed/ only into an empty graph.
MATCH (issue:Issue)
RETURN count(issue) AS issues
