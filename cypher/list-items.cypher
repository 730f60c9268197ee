// Root list: Items, newest Update first then in Update order, filtered by section, date range and text.
// The rows, unordered: the caller orders them (the terms in src/storage/lists.ts), pages them by key and
// projects each node (src/storage/window.ts pagedRows).
MATCH (n:Item)
WHERE ($section IS NULL OR n.section = $section)
  AND ($from IS NULL OR n.date >= $from) AND ($to IS NULL OR n.date <= $to)
  AND ($text IS NULL OR toLower(n.title + ' ' + coalesce(n.body, '') + ' ' + coalesce(n.actionRequired, '')) CONTAINS toLower($text))
RETURN n, null AS count
