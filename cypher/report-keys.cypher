// Every report's key: a full derive (an edited lexicon, a network that appeared or went) reads them all.
MATCH (report:Report)
RETURN report.key AS key
ORDER BY key
