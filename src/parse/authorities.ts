import { readFileSync } from 'node:fs';

/**
 * Names of local authorities, read at run time from data/local-authorities.json (others extend
 * that file), used only to keep "Windsor and Maidenhead" whole when splitting "A, B and C".
 */
const DATA_FILE = new URL('../../data/local-authorities.json', import.meta.url);

let cached: Set<string> | undefined;

function knownNames(): Set<string> {
  if (cached !== undefined) return cached;
  cached = new Set();
  try {
    const data = JSON.parse(readFileSync(DATA_FILE, 'utf8')) as {
      authorities?: { name?: unknown; aliases?: unknown }[];
    };
    for (const authority of data.authorities ?? []) {
      for (const name of [authority.name, ...(Array.isArray(authority.aliases) ? authority.aliases : [])]) {
        if (typeof name === 'string') cached.add(name.toLowerCase());
      }
    }
  } catch {
    // Without the reference data every "and" separates two names; nothing else depends on it.
  }
  return cached;
}

/**
 * "Medway, Oxfordshire and Windsor and Maidenhead" → ["Medway", "Oxfordshire", "Windsor and Maidenhead"].
 * Names stay as written ("IoW" is not expanded); at each position the longest run of "and"-joined
 * words that is a known name wins.
 */
export function splitAuthorities(text: string): string[] {
  const known = knownNames();
  const names: string[] = [];
  for (const chunk of text.split(',')) {
    // Words alternate with their connectors: [word, "and", word, "&", word…]
    const parts = chunk
      .trim()
      .replace(/^(?:and|&)\s+/i, '')
      .split(/\s+(and|&)\s+/i);
    let i = 0;
    while (i < parts.length) {
      let end = i;
      for (let j = parts.length - 1; j > i; j -= 2) {
        if (
          known.has(
            parts
              .slice(i, j + 1)
              .join(' ')
              .toLowerCase(),
          )
        ) {
          end = j;
          break;
        }
      }
      const name = parts
        .slice(i, end + 1)
        .join(' ')
        .trim();
      if (name !== '') names.push(name);
      i = end + 2;
    }
  }
  return names;
}
