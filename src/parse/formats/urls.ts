/**
 * A link as the graph keeps it: absolute, scheme and host lower-case (the URL parser does both), no
 * fragment, no `utm_*` tracking parameters, default port dropped. Null for what is not a web address
 * (mailto:, tel:, javascript:, a bare fragment) or cannot be read.
 */
export function normaliseUrl(href: string, base?: string): string | null {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    if (name.toLowerCase().startsWith('utm_')) url.searchParams.delete(name);
  }
  // URLSearchParams rewrites the query on delete; an emptied query leaves no lone "?".
  if (url.search === '?') url.search = '';
  return url.href;
}
