// Root list: Updates, newest first, optionally within a date range or one number.
// Sliced in the database: [$skip, $skip + $limit) of the ordered list ($fromEnd: the last $limit), with the
// length of the whole list; each entry's node is projected by the caller (src/storage/lists.ts).
MATCH (n:Issue)
WHERE ($from IS NULL OR n.date >= $from) AND ($to IS NULL OR n.date <= $to)
  AND ($number IS NULL OR n.number = $number)
WITH n ORDER BY n.date DESC, n.number DESC
WITH collect(n) AS ordered
WITH ordered, size(ordered) AS total
WITH ordered, total, CASE WHEN $fromEnd AND total - $limit > $skip THEN total - $limit ELSE $skip END AS start
RETURN total, start, [n IN ordered[start..start + $limit] | {node: n}] AS page
