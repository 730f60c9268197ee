/**
 * How names are compared. Two spellings name the same thing when they have the same words:
 * case, spacing, punctuation between words, apostrophes, abbreviation dots and a leading "the" do not count,
 * and "&" is the word "and". So "The Children’s Commissioner" ≡ "childrens commissioner",
 * "Brighton & Hove" ≡ "Brighton and Hove", "NHS England (South East)" ≡ "NHS England South East".
 *
 * The same word splitting drives both exact look-ups (normaliseName) and the search for names
 * in running text (matcher.ts), so a name that resolves also gets found, and vice versa.
 */

/** A word as it stands in the text: `raw` as written, `norm` as compared, and where it sits. */
export interface Token {
  raw: string;
  norm: string;
  start: number;
  end: number;
}

// A word is a dotted abbreviation (S.E., K.C.C.), or a run of letters and digits possibly joined by
// apostrophes (Children’s, O'Neill); "&" counts as a word so that "Brighton & Hove" and
// "Brighton and Hove" have the same words.
const WORD = /(?:\p{L}\.){2,}(?!\p{L})|[\p{L}\p{N}]+(?:['’‘][\p{L}\p{N}]+)*|&/gu;

/** A word as spelt, less apostrophes and abbreviation dots: "Children’s" → "Childrens", "S.E." → "SE". */
export const spelling = (raw: string): string => raw.replace(/['’‘.]/g, '');

/** The text tokenised last, and its words: the rules search one sentence with several matchers in a row. */
let lastText: string | undefined;
let lastWords: readonly Token[] = [];

/** The words of a text, in order. The answer may be shared with other callers, hence read-only. */
export function tokenise(text: string): readonly Token[] {
  if (text !== lastText) {
    lastWords = wordsOf(text);
    lastText = text;
  }
  return lastWords;
}

function wordsOf(text: string): Token[] {
  const words: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const raw = m[0];
    const norm = raw === '&' ? 'and' : spelling(raw).toLowerCase();
    words.push({ raw, norm, start: m.index, end: m.index + raw.length });
  }
  return words;
}

/** The words of a name, less a leading "the" ("The Staff College" is filed as "Staff College"). */
export function nameWords(name: string): readonly Token[] {
  const words = tokenise(name);
  return words.length > 1 && words[0]?.norm === 'the' ? words.slice(1) : words;
}

/** normaliseName's answers: extract compares every sentence with every title, so the same text comes back often. */
const normalised = new Map<string, string>();
/** Bounds the memory of a long ingest; the map starts over when full (a miss only costs the work again). */
const NORMALISED_MAX = 50_000;

/** The key under which a name is filed and looked up; also the key of graph nodes. */
export function normaliseName(name: string): string {
  let key = normalised.get(name);
  if (key === undefined) {
    key = nameWords(name)
      .map((w) => w.norm)
      .join(' ');
    if (normalised.size >= NORMALISED_MAX) normalised.clear();
    normalised.set(name, key);
  }
  return key;
}
