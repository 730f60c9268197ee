// Root list: Updates, newest first, optionally within a date range or one number.
MATCH (n:Issue)
WHERE ($from IS NULL OR n.date >= $from) AND ($to IS NULL OR n.date <= $to)
  AND ($number IS NULL OR n.number = $number)
RETURN n {.*, label: 'Issue'} AS node
ORDER BY n.date DESC, n.number DESC
