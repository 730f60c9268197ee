// Whether an Update is in the graph already, and from which text (sha256): decides loaded/replaced/unchanged.
OPTIONAL MATCH (issue:Issue {key: $issueKey})
RETURN issue IS NOT NULL AS present, issue.contentHash AS contentHash
