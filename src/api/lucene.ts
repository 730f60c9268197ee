import { badInput } from './errors.js';

/** Bounds on search text: Lucene refuses a query of more than 1,024 clauses, and each word makes two. */
export const SEARCH_LIMITS = { maxWords: 32, maxWordLength: 100 } as const;

/**
 * User words → Lucene terms: special characters escaped, bounded in number and length. The words AND, OR and
 * NOT are operators to Lucene's parser: they are searched for in lower case (the index lowercases anyway).
 */
export function luceneWords(text: string, argument: string, what = argument): string[] {
  const words = text.split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) throw badInput(`${what} is empty`, argument);
  if (words.length > SEARCH_LIMITS.maxWords)
    throw badInput(`${what} has ${words.length} words; at most ${SEARCH_LIMITS.maxWords}`, argument);
  const long = words.find((word) => word.length > SEARCH_LIMITS.maxWordLength);
  if (long !== undefined)
    throw badInput(
      `${what} has a word of ${long.length} characters; at most ${SEARCH_LIMITS.maxWordLength} each`,
      argument,
    );
  return words
    .map((word) => (/^(AND|OR|NOT)$/.test(word) ? word.toLowerCase() : word))
    .map((word) => word.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&'));
}

/** Search text → a Lucene query: every word required, prefixes match. */
export const luceneQuery = (text: string): string =>
  luceneWords(text, 'text', 'search text')
    .map((word) => `(${word} OR ${word}*)`)
    .join(' AND ');
