// What is loaded for one Update number, for the replacement policy: the hash of its records (sourceFile left
// out, so the same text under another name is unchanged), its date, whether it was truncated, its items.
OPTIONAL MATCH (issue:Issue {key: $issueKey})
OPTIONAL MATCH (item:Item {issueNumber: $number})
RETURN issue IS NOT NULL AS present, issue.contentHash AS contentHash, issue.date AS date,
       issue.truncated AS truncated, issue.sourceFile AS sourceFile, count(item) AS items
