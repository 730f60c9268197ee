// How many decisions there are (from the count store): with none, a load has nothing to take off or put back.
MATCH (d:Decision)
RETURN count(d) AS decisions
