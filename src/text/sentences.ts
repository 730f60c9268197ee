import { ABBREVIATIONS } from './abbreviations.js';

/**
 * Sentence splitting, the same for the parser, the extractor and the derived edges.
 *
 * A sentence ends at a line break, or at . ! ? (optionally followed by a closing quote) followed by
 * space and a capital, digit, opening quote or bracket, except after an abbreviation or an initial
 * ("Prof. Eamon McCrory", "S.E. Region", "No. 7"). The Updates' copy-paste sometimes glues two
 * sentences ("…Memorandum of UnderstandingThis reflects…"): a lower-case run straight into a
 * capitalised word followed by a space is read as a break too.
 */
const SENTENCE_END = new RegExp(
  String.raw`(?<=\.["”’]?)(?<!\b(?:${ABBREVIATIONS.join('|')}|\p{Lu})\.)\s+(?=[\p{Lu}\p{N}"“‘(])` +
    // A year after a question is its title's edition ("How safe are our children? 2018"), not a new sentence.
    String.raw`|(?<=[!?]["”’]?)\s+(?=[\p{Lu}"“‘(]|(?!(?:19|20)\d\d\b)\p{N})`,
  'u',
);
const GLUED = /(?<=\p{Ll}{3})(?=\p{Lu}\p{Ll}+\s)/u;

export function sentences(text: string): string[] {
  return (
    text
      .split('\n')
      // Only a line with . ! or ? can hold a sentence end; most lines are searched no further.
      .flatMap((line) => (/[.!?]/u.test(line) ? line.split(SENTENCE_END) : [line]))
      .flatMap((s) => s.split(GLUED))
      .map((s) => s.trim())
      .filter((s) => s !== '')
  );
}

/** The first sentence of one line of text (no glued-word split: titles are written as they are). */
export function firstSentence(text: string): string {
  return text.split(SENTENCE_END)[0]!.trim();
}
