// Root list: Updates, newest first, optionally within a date range or one number.
// The rows, unordered: the caller orders them (the terms in src/storage/lists.ts), pages them by key and
// projects each node (src/storage/window.ts pagedRows).
MATCH (n:Issue)
WHERE ($from IS NULL OR n.date >= $from) AND ($to IS NULL OR n.date <= $to)
  AND ($number IS NULL OR n.number = $number)
RETURN n, null AS count
