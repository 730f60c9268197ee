// The Report stored with each of the given addresses (the report_url index), the smallest key should several
// be: a Report an Update links to the same address loads onto it (src/load/same-url.ts).
UNWIND $urls AS url
MATCH (report:Report {url: url})
RETURN url, min(report.key) AS key
