import type { Item } from '../parse/document.js';
import { normaliseName } from './normalise.js';

/**
 * The sentences of an item, which are the quotes of the edges read from it.
 *
 * A sentence ends at a line break, or at . ! ? followed by a space and a capital, digit or quote,
 * except after a title or an initial ("Prof. Eamon McCrory", "S.E. Region"). The Updates' copy-paste
 * sometimes glues two sentences ("…Memorandum of UnderstandingThis reflects…"): a lower-case run
 * straight into a capitalised word is read as a break too.
 */
const SENTENCE_END =
  /(?<=[.!?]["”’]?)(?<!\b(?:Prof|Dr|Mr|Mrs|Ms|St|No|etc|\p{Lu})\.)\s+(?=[\p{Lu}\p{N}"“‘(])/u;
const GLUED = /(?<=\p{Ll}{3})(?=\p{Lu}\p{Ll}+\s)/u;

export function sentences(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.split(SENTENCE_END))
    .flatMap((s) => s.split(GLUED))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Title, body and action text, sentence by sentence. */
export function itemSentences(item: Item): string[] {
  const lists = item.lists.flatMap((list) => list.entries.map((e) => e.text));
  return [item.title, ...item.paragraphs, ...lists, item.actionRequired ?? ''].flatMap(sentences);
}

/** Whether `text` contains `phrase` word for word, compared as names are (case, punctuation, "&"). */
export function containsPhrase(text: string, phrase: string): boolean {
  const words = normaliseName(phrase);
  return words !== '' && ` ${normaliseName(text)} `.includes(` ${words} `);
}

export function wordCount(text: string): number {
  const words = normaliseName(text);
  return words === '' ? 0 : words.split(' ').length;
}
