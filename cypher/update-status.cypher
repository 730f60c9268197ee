// What is loaded for the given Update numbers, for the replacement policy: the hash of its records (sourceFile
// left out, so the same text under another name is unchanged), its date, whether it was truncated, its items,
// and what it described (its Issue's describedNodes and describedEdges: see src/load/loader.ts), which a
// replacement takes back. Index lookups only: nothing here grows with the archive.
UNWIND $numbers AS wanted
WITH toInteger(wanted) AS number
OPTIONAL MATCH (issue:Issue {number: number})
RETURN number, issue IS NOT NULL AS present, issue.contentHash AS contentHash, issue.date AS date,
       issue.truncated AS truncated, issue.sourceFile AS sourceFile,
       COUNT { MATCH (item:Item) WHERE item.issueNumber = number } AS items,
       coalesce(issue.describedNodes, []) AS describedNodes, coalesce(issue.describedEdges, []) AS describedEdges
