/**
 * The names of local authorities the parser knows, lower-cased, used only to keep "Windsor and Maidenhead"
 * whole when splitting "A, B and C". Parse reads no files: the caller builds them once from the reference data
 * (`loadParseOptions`, src/load/reference.ts) and passes them in its ParseOptions; without them every "and"
 * separates two names.
 */
export type KnownAuthorities = ReadonlySet<string>;

export const knownAuthorities = (names: Iterable<string>): KnownAuthorities =>
  new Set([...names].map((name) => name.toLowerCase()));

const NONE: KnownAuthorities = new Set();

/**
 * "Medway, Oxfordshire and Windsor and Maidenhead" → ["Medway", "Oxfordshire", "Windsor and Maidenhead"].
 * Names stay as written ("IoW" is not expanded); at each position the longest run of "and"-joined
 * words that is a known name wins.
 */
export function splitAuthorities(text: string, known: KnownAuthorities = NONE): string[] {
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
