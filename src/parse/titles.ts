import { findDate } from './dates.js';
import { BULLET } from './lines.js';

/**
 * What an item title looks like, whatever the layout: a short line that is not a sentence, a
 * bullet or a label. Layouts differ in where titles stand, not in what they are.
 */

/** The longest titles in the archive run to about twenty words; a longer line is a paragraph. */
export const TITLE_MAX_WORDS = 24;

/** Lines that name a part of the page or of an item, never an item of their own. */
const LABEL =
  /^(?:updates|headlines|details|newsletters|programme:.*|update:.*|action required\b.*|key dates:?|network dates:?)$/i;

export const isLabel = (text: string): boolean => LABEL.test(text.trim());

/** Labels that only divide an item's text ("Headlines", "Details") and are dropped from it. */
export const ITEM_DIVIDER = /^(?:headlines|details):?$/i;

const wordCount = (text: string): number => text.trim().split(/\s+/).length;

/**
 * A sentence ends in a full stop, a colon (it introduces what follows), a comma or a semicolon,
 * or runs longer than any title does.
 */
export function isSentence(text: string): boolean {
  const trimmed = text.trim();
  return /[.:;,]$/.test(trimmed) || wordCount(trimmed) > TITLE_MAX_WORDS;
}

export function isTitleLike(raw: string): boolean {
  const text = raw.trim();
  return text !== '' && !BULLET.test(raw) && !isLabel(text) && !isSentence(text);
}

/** The lead sentence of a 2023–2025 item: "On 27 February DfE published …", "On Thursday 20 March …". */
export function isLead(raw: string): boolean {
  const head = /^on\s+(?:the\s+)?/i.exec(raw.trim());
  if (head === null) return false;
  return findDate(raw.trim().slice(head[0].length))?.index === 0;
}
