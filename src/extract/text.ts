import type { Item, UpdateDocument } from '../parse/document.js';
import { normaliseName } from '../text/names.js';
import { sentences } from '../text/sentences.js';

/** Each item's sentences, cut once: several rules read them, some once per report of the Update. */
const sentencesOfItem = new WeakMap<Item, readonly string[]>();

/** Title, body and action text, sentence by sentence. */
export function itemSentences(item: Item): readonly string[] {
  let cut = sentencesOfItem.get(item);
  if (cut === undefined) {
    const lists = item.lists.flatMap((list) => list.entries.map((e) => e.text));
    cut = [item.title, ...item.paragraphs, ...lists, item.actionRequired ?? ''].flatMap(sentences);
    sentencesOfItem.set(item, cut);
  }
  return cut;
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
