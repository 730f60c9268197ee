// Root list: Items, newest Update first then in Update order, filtered by section, date range and text.
// Sliced in the database: [$skip, $skip + $limit) of the ordered list ($fromEnd: the last $limit), with the
// length of the whole list; each entry's node is projected by the caller (src/storage/lists.ts).
MATCH (n:Item)
WHERE ($section IS NULL OR n.section = $section)
  AND ($from IS NULL OR n.date >= $from) AND ($to IS NULL OR n.date <= $to)
  AND ($text IS NULL OR toLower(n.title + ' ' + coalesce(n.body, '') + ' ' + coalesce(n.actionRequired, '')) CONTAINS toLower($text))
WITH n ORDER BY n.date DESC, n.issueNumber DESC, n.position
WITH collect(n) AS ordered
WITH ordered, size(ordered) AS total
WITH ordered, total, CASE WHEN $fromEnd AND total - $limit > $skip THEN total - $limit ELSE $skip END AS start
RETURN total, start, [n IN ordered[start..start + $limit] | {node: n}] AS page
