import { nameWords, spelling, tokenise, type Token } from '../text/names.js';

/**
 * Finds known phrases (names of bodies, lexicon terms) in running text, word by word.
 *
 * The rules are uniform so that an analyst steers them by how a phrase is written in data/:
 * - whole words only, compared as normaliseName compares them (case, "&"/"and", apostrophes,
 *   abbreviation dots: "U.K." is UK);
 * - a word with two or more capitals (SEND, DfE, IoW, NHS, SE19) is an acronym and must appear
 *   exactly as written: the verb "send" is not SEND, "rip" is not RiP;
 * - a phrase written with a capital initial only matches text with a capital initial, because
 *   newsletters capitalise proper names and a lower-case occurrence is almost always the ordinary
 *   word: "reading" is not Reading, "early help" (the topic) is not Early Help (the network).
 *   Write a phrase in lower case to let it match in any case;
 * - the last word may carry a possessive ("Kent’s") and, where plurals are allowed (lexicon
 *   terms), a plural "s"/"es" ("EHC plans");
 * - the words of a phrase may be separated by spaces, brackets, hyphens, slashes, commas, or a dot
 *   inside a word ("matters.org"), but never by a sentence or paragraph break.
 */

export interface PhraseMatch<T> {
  value: T;
  /** The phrase as written in the data. */
  phrase: string;
  /** The words as written in the text, and where they sit in it. */
  text: string;
  start: number;
  end: number;
}

interface Pattern<T> {
  phrase: string;
  value: T;
  words: readonly Token[];
  capitalInitial: boolean;
}

interface TrieNode<T> {
  children: Map<string, TrieNode<T>>;
  patterns: Pattern<T>[];
}

const ACRONYM = /\p{Lu}.*\p{Lu}/u;
const CAPITAL = /^\p{Lu}/u;
const POSSESSIVE = /['’‘]s$/;
const JOINER = /^[\s()[\]\-–—/,.]*$/;
const SENTENCE_BREAK = /\.\s|\n\s*\n/;

export class PhraseMatcher<T> {
  private readonly root: TrieNode<T> = { children: new Map(), patterns: [] };

  constructor(
    phrases: Iterable<{ phrase: string; value: T }>,
    private readonly options: { plurals: boolean },
  ) {
    for (const { phrase, value } of phrases) {
      const words = nameWords(phrase);
      let node = this.root;
      for (const word of words) {
        let child = node.children.get(word.norm);
        if (child === undefined) {
          child = { children: new Map(), patterns: [] };
          node.children.set(word.norm, child);
        }
        node = child;
      }
      node.patterns.push({ phrase, value, words, capitalInitial: CAPITAL.test(words[0]?.raw ?? '') });
    }
  }

  /** Leftmost-longest, non-overlapping: "East Sussex County Council" is one match, not "East Sussex" and more. */
  longest(text: string): PhraseMatch<T>[] {
    const tokens = tokenise(text);
    const out: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      let best: PhraseMatch<T> | undefined;
      this.matchesAt(text, tokens, i, (match) => {
        if (best === undefined || match.end > best.end) best = match;
      });
      if (best === undefined) {
        i++;
        continue;
      }
      out.push(best);
      while (i < tokens.length && tokens[i]!.start < best.end) i++;
    }
    return out;
  }

  /** Every occurrence of every phrase, overlaps included. */
  all(text: string): PhraseMatch<T>[] {
    const tokens = tokenise(text);
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) this.matchesAt(text, tokens, i, (match) => out.push(match));
    return out;
  }

  /** Every phrase that starts at word i, shortest first. */
  private matchesAt(
    text: string,
    tokens: readonly Token[],
    i: number,
    found: (match: PhraseMatch<T>) => void,
  ): void {
    let node = this.root;
    for (let j = i; j < tokens.length; j++) {
      const token = tokens[j]!;
      if (j > i && !joins(text, tokens[j - 1]!.end, token.start)) break;
      // A suffixed word can only end a phrase, so it is looked up but never walked through.
      for (const stem of this.stems(token)) this.collect(node.children.get(stem), tokens, i, j, text, found);
      const next = node.children.get(token.norm);
      if (next === undefined) break;
      this.collect(next, tokens, i, j, text, found);
      node = next;
    }
  }

  /** The word less the suffixes it may carry at the end of a phrase. */
  private stems(token: Token): ReadonlySet<string> {
    // Every suffix ends in "s"; most words carry none.
    if (!token.norm.endsWith('s')) return NO_STEMS;
    const stems = new Set<string>();
    if (POSSESSIVE.test(token.raw)) stems.add(token.norm.slice(0, -1));
    if (this.options.plurals) {
      stems.add(token.norm.slice(0, -1));
      if (token.norm.endsWith('es')) stems.add(token.norm.slice(0, -2));
    }
    return stems;
  }

  /** The phrases of `node` that the words `first`..`last` of the text are, by the case rules. */
  private collect(
    node: TrieNode<T> | undefined,
    tokens: readonly Token[],
    first: number,
    last: number,
    text: string,
    found: (match: PhraseMatch<T>) => void,
  ): void {
    for (const pattern of node?.patterns ?? []) {
      if (!accepts(pattern, tokens, first)) continue;
      const start = tokens[first]!.start;
      const end = closeBracket(text, start, tokens[last]!.end);
      found({ value: pattern.value, phrase: pattern.phrase, text: text.slice(start, end), start, end });
    }
  }
}

const NO_STEMS: ReadonlySet<string> = new Set();

/** "NHS England (South East)" ends with its bracket, though the bracket is not a word. */
function closeBracket(text: string, start: number, end: number): number {
  const span = text.slice(start, end);
  const unclosed = span.split('(').length - span.split(')').length;
  return unclosed > 0 && text[end] === ')' ? end + 1 : end;
}

/** Whether the text between two words (from `end` to `start`) lets them belong to one phrase. */
function joins(text: string, end: number, start: number): boolean {
  // Nearly every gap is one space.
  if (start === end + 1 && text[end] === ' ') return true;
  const gap = text.slice(end, start);
  return JOINER.test(gap) && !SENTENCE_BREAK.test(gap);
}

/** The case rules for the text's words from `first` on; the words already match case-insensitively. */
function accepts(pattern: Pattern<unknown>, tokens: readonly Token[], first: number): boolean {
  if (pattern.capitalInitial && !CAPITAL.test(tokens[first]!.raw)) return false;
  // The text word may be longer than the acronym only by a suffix, which stems() has vetted.
  return pattern.words.every(
    (w, k) => !ACRONYM.test(w.raw) || spelling(tokens[first + k]!.raw).startsWith(spelling(w.raw)),
  );
}
