import type { LayoutName } from './document.js';
import { isBlank, type Line } from './lines.js';
import { MARKERS } from './markers.js';
import { isLead, isTitleLike, ITEM_DIVIDER } from './titles.js';

/**
 * The three page layouts SESLIP has used, and the one place where each layout's structure is
 * written down: where the body starts and which lines open an item. Everything read inside an
 * item (paragraphs, Action Required, meetings, publications, tables) is shared by all three.
 *
 *   brief-summary  2018 – mid 2019: headline twice, one long intro paragraph between; a title
 *                  stands after two or more blank lines, paragraphs after one.
 *   workstreams    late 2019 – 2022: the same item shape under a header of short paragraphs;
 *                  some pages label items with "Programme:" instead (see body.ts).
 *   friday-update  2023 – 2025: headline once ("Update no 600 8th March 2024"), an "Updates"
 *                  label, ONE blank line between every paragraph; a title is the short line
 *                  before a lead sentence "On <date> …" or an item label ("Headlines", "Details").
 */

/** A non-blank line of the body with the number of blank lines before it. */
export interface Block {
  line: Line;
  text: string;
  blanksBefore: number;
}

/** What the previous non-blank line of the body was, which decides what the next one may be. */
export type Previous = 'start' | 'heading' | 'label' | 'action' | 'lead' | 'body';

export interface LayoutRules {
  /**
   * Index of the first body line of an Update whose headline stands once, at `afterHeadline`; null
   * when the body starts after the known header lines (headline.ts skips them).
   */
  bodyStart(lines: Line[], afterHeadline: number): number | null;
  /** How many lines from `index` form a title (a title may wrap over up to three lines), 0 when none. */
  headingAt(blocks: Block[], index: number, previous: Previous): number;
}

export function toBlocks(lines: Line[]): Block[] {
  const blocks: Block[] = [];
  let blanks = 0;
  for (const line of lines) {
    if (isBlank(line)) blanks++;
    else {
      blocks.push({ line, text: line.text.trim(), blanksBefore: blanks });
      blanks = 0;
    }
  }
  return blocks;
}

const MAX_TITLE_LINES = 3;

/** Title-like lines from `index` on, each continuation directly below the one before (no blank line). */
function titleRun(blocks: Block[], index: number): number {
  let k = 0;
  while (k < MAX_TITLE_LINES) {
    const block = blocks[index + k];
    if (block === undefined || !isTitleLike(block.line.text) || isLead(block.text)) break;
    if (k > 0 && block.blanksBefore > 0) break;
    k++;
  }
  return k;
}

const isAction = (text: string): boolean => MARKERS.action.test(text);

/** Few enough words to be a title even though a full stop ends them ("Ofsted research review series: Science."). */
const SET_APART_MAX_WORDS = 8;

/** A short line ending in a full stop is a title only when two blank lines stand after it too. */
function setApartTitle(blocks: Block[], index: number): boolean {
  const { text, line } = blocks[index] as Block;
  const after = blocks[index + 1]?.blanksBefore ?? 0;
  return (
    /[^.]\.$/.test(text) &&
    isTitleLike(line.text.replace(/\.\s*$/, '')) &&
    text.split(/\s+/).length <= SET_APART_MAX_WORDS &&
    after >= 2
  );
}

/** brief-summary and workstreams: a title follows two or more blank lines (or the body start), never directly a title. */
const DOUBLE_BLANK: LayoutRules = {
  bodyStart: () => null,
  headingAt(blocks, index, previous) {
    const block = blocks[index] as Block;
    if (previous === 'heading' || previous === 'label') return 0;
    if (previous !== 'start' && block.blanksBefore < 2) return 0;
    const k = titleRun(blocks, index);
    if (k === 0) return setApartTitle(blocks, index) ? 1 : 0;
    // A wrapped title is followed by a blank line; lines running on without one are a paragraph.
    if (k > 1 && (blocks[index + k]?.blanksBefore ?? 1) === 0) return 1;
    return k;
  },
};

/** friday-update: every paragraph is one blank line apart, so a title is known by what follows it. */
const FRIDAY: LayoutRules = {
  /**
   * After the "Updates" label, or else at the first title that has a lead sentence under it: the
   * header paragraphs before it read like titles, so they must be passed.
   */
  bodyStart(lines, afterHeadline) {
    const blocks = toBlocks(lines.slice(afterHeadline));
    const label = blocks.findIndex((b) => MARKERS.updatesLabel.test(b.text));
    const firstLead = blocks.findIndex((b) => isLead(b.text));
    if (label !== -1 && (firstLead === -1 || label < firstLead))
      return lines.indexOf(blocks[label]?.line as Line) + 1;
    if (firstLead < 1) return null;
    let title = firstLead - 1;
    while (
      title > 0 &&
      (blocks[title]?.blanksBefore ?? 1) === 0 &&
      isTitleLike(blocks[title - 1]?.line.text ?? '')
    )
      title--;
    return lines.indexOf(blocks[title]?.line as Line);
  },
  headingAt(blocks, index, previous) {
    // Under a label comes its text, unless the page leaves the older double blank line before a title
    // ("Details", then two blank lines, then "School attendance guidance").
    if (previous === 'heading') return 0;
    if (previous === 'label' && (blocks[index] as Block).blanksBefore < 2) return 0;
    const k = titleRun(blocks, index);
    if (k === 0) return 0;
    const next = blocks[index + k];
    if (next === undefined || previous === 'start') return k;
    if (isLead(next.text)) return k;
    // A label under the item's own lead sentence belongs to that item, not to a line in between.
    if (previous !== 'lead' && (ITEM_DIVIDER.test(next.text) || isAction(next.text))) return k;
    // Some pages of the era keep the older double blank line before a title.
    return (blocks[index] as Block).blanksBefore >= 2 && (previous === 'body' || previous === 'label')
      ? k
      : 0;
  },
};

export const LAYOUTS: Record<LayoutName, LayoutRules> = {
  'brief-summary': DOUBLE_BLANK,
  workstreams: DOUBLE_BLANK,
  'friday-update': FRIDAY,
};

/** The 2018 intro is one paragraph of several sentences; later headers are short paragraphs. */
const LONG_INTRO_WORDS = 60;
/** Below this share of double blank lines between paragraphs, the body has the 2023 rhythm. */
const SINGLE_BLANK_SHARE = 0.25;

/**
 * Decides the layout from structure alone: the headline's form, the header paragraphs, the
 * blank-line rhythm of the body and the labels it uses.
 */
export function recognizeLayout(headline: string, front: Line[], body: Line[]): LayoutName {
  const headlineSignals = [
    /^\s*update\s+no/.test(headline) && !/^\s*UPDATE/.test(headline), // "Update no", not "UPDATE NO"
    /\d(?:st|nd|rd|th)\b/i.test(headline), // "8th March 2024"
  ].filter(Boolean).length;
  const blocks = toBlocks(body);
  const gaps = blocks.slice(1).filter((b) => b.blanksBefore > 0);
  const doubleShare = gaps.length === 0 ? 0 : gaps.filter((b) => b.blanksBefore >= 2).length / gaps.length;
  const leadUnderTitle = blocks.some(
    (b, i) => i > 0 && isLead(b.text) && b.blanksBefore === 1 && isTitleLike(blocks[i - 1]?.line.text ?? ''),
  );
  const labels = blocks.some((b) => ITEM_DIVIDER.test(b.text) || MARKERS.updatesLabel.test(b.text));
  const bodySignals = [doubleShare < SINGLE_BLANK_SHARE, labels || leadUnderTitle].filter(Boolean).length;
  // The 2022 pages that label items with "Programme:" share the single blank lines and lead
  // sentences but keep the upper-case headline, so the headline's form must agree.
  if (headlineSignals > 0 && headlineSignals + bodySignals >= 2) return 'friday-update';
  const longIntro = front.some(
    (l) => !/^newsletters\b/i.test(l.text.trim()) && l.text.trim().split(/\s+/).length > LONG_INTRO_WORDS,
  );
  return longIntro ? 'brief-summary' : 'workstreams';
}
