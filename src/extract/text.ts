import type { Item, UpdateDocument } from '../parse/document.js';
import { normaliseName } from '../text/names.js';
import { sentences } from '../text/sentences.js';

/** Title, body and action text, sentence by sentence. */
export function itemSentences(item: Item): string[] {
  const lists = item.lists.flatMap((list) => list.entries.map((e) => e.text));
  return [item.title, ...item.paragraphs, ...lists, item.actionRequired ?? ''].flatMap(sentences);
}

/** The page's header and intro, sentence by sentence: read like any text, sourced to the Issue. */
export const furnitureSentences = (doc: UpdateDocument): string[] => doc.issue.furniture.flatMap(sentences);

/** Whether `text` contains `phrase` word for word, compared as names are (case, punctuation, "&"). */
export function containsPhrase(text: string, phrase: string): boolean {
  const words = normaliseName(phrase);
  return words !== '' && ` ${normaliseName(text)} `.includes(` ${words} `);
}

export function wordCount(text: string): number {
  const words = normaliseName(text);
  return words === '' ? 0 : words.split(' ').length;
}
