import { findDate } from './dates.js';
import type { SectionName } from './document.js';
import { isHeadline } from './headline.js';
import { toBlocks, type Block, type LayoutRules, type Previous } from './layouts.js';
import type { Line, Warn } from './lines.js';
import { MARKERS } from './markers.js';
import { isLead, ITEM_DIVIDER } from './titles.js';

export { MARKERS };

/**
 * The body's structure before any item is read in detail: which lines form which item, and where
 * the Tools & Templates and Contact Details lists are. Which line opens an item is the layout's
 * decision (layouts.ts); the markers, sections and "Programme:" labels are read the same in all.
 * Updates that label items with "Programme:" use that label alone.
 */

export interface RawItem {
  title: string;
  section: SectionName;
  programme: string | null;
  /** The heading line, or the "Programme:" line. */
  start: number;
  /** Every non-blank line after the title up to the next item or list. */
  body: Line[];
}

export interface Layout {
  items: RawItem[];
  tools: Line[];
  contacts: Line[];
  /** Line number of the "Tools & Templates" / "Contact Details" markers, null when absent. */
  toolsMarker: number | null;
  contactsMarker: number | null;
}

function titleSection(title: string): SectionName | null {
  if (MARKERS.networkDates.test(title)) return 'network-dates';
  if (MARKERS.keyDates.test(title)) return 'key-dates';
  return null;
}

/** Inside a dates list, "Network: …" and dated lines are entries of the list, never titles. */
function isDatesEntry(current: RawItem | null, text: string): boolean {
  const datesList = current?.section === 'network-dates' || current?.section === 'key-dates';
  return datesList && (/^[^:]{1,60}:/.test(text) || findDate(text) !== undefined);
}

/** Joins a title wrapped over several lines. */
const joinTitle = (blocks: Block[]): string => blocks.map((b) => b.text).join(' ');

export function readLayout(lines: Line[], bodyStart: number, rules: LayoutRules, warn: Warn): Layout {
  const layout: Layout = { items: [], tools: [], contacts: [], toolsMarker: null, contactsMarker: null };
  const blocks = toBlocks(lines.slice(bodyStart));
  const programmeStyle = blocks.some((b) => MARKERS.programme.test(b.text));
  let enclosing: SectionName = 'main';
  let list: 'items' | 'tools' | 'contacts' = 'items';
  let current: RawItem | null = null;
  let awaitingTitle = false;
  let previous: Previous = 'start';

  const open = (title: string, start: number, programme: string | null): RawItem => {
    const item: RawItem = { title, section: titleSection(title) ?? enclosing, programme, start, body: [] };
    layout.items.push(item);
    return item;
  };

  for (let index = 0; index < blocks.length; index++) {
    const { line, text } = blocks[index] as Block;
    if (MARKERS.tools.test(text)) {
      [list, layout.toolsMarker, current] = ['tools', line.no, null];
      continue;
    }
    if (MARKERS.contacts.test(text)) {
      [list, layout.contactsMarker, current] = ['contacts', line.no, null];
      continue;
    }
    if (list !== 'items') {
      layout[list].push(line);
      continue;
    }
    if (isHeadline(line)) {
      warn(line.no, 'repeated headline skipped');
      continue;
    }
    if (MARKERS.reminders.test(text) || MARKERS.updatesLabel.test(text)) {
      if (MARKERS.reminders.test(text)) enclosing = 'reminders';
      [current, previous, awaitingTitle] = [null, 'start', false];
      continue;
    }
    const programme = MARKERS.programme.exec(text);
    if (programme !== null) {
      current = open('', line.no, programme[1] ?? '');
      awaitingTitle = true;
      continue;
    }
    const isMarker = MARKERS.action.test(text) || MARKERS.update.test(text);
    if (awaitingTitle && current !== null) {
      const item = current;
      awaitingTitle = false;
      if (!isMarker) {
        item.title = text;
        item.section = titleSection(text) ?? enclosing;
        previous = 'heading';
        continue;
      }
      // "Programme: X" followed directly by a marker: the label is the only title there is.
      item.title = item.programme ?? '';
      if (item.title === '') warn(line.no, '"Programme:" without a title');
    }
    const section = titleSection(text);
    // "Network dates:" under "Future dates for network meetings" only divides the list.
    if (section !== null && current?.section === section) {
      previous = 'label';
      continue;
    }
    if (section !== null) {
      current = open(text, line.no, null);
      previous = 'heading';
      continue;
    }
    if (ITEM_DIVIDER.test(text)) {
      previous = 'label';
      continue;
    }
    const titleLines =
      programmeStyle || isMarker || isDatesEntry(current, text)
        ? 0
        : rules.headingAt(blocks, index, previous);
    if (titleLines > 0) {
      current = open(joinTitle(blocks.slice(index, index + titleLines)), line.no, null);
      index += titleLines - 1;
      previous = 'heading';
      continue;
    }
    previous = MARKERS.action.test(text) ? 'action' : isLead(text) ? 'lead' : 'body';
    if (current === null) {
      // Text is never dropped: a line no title opened (a layout this parser does not know, a "Topic:"
      // label) opens an item without a title, quoted by its first words, and the lines after it join it.
      warn(line.no, 'line outside any item: read as an item without a title');
      current = open('', line.no, null);
    }
    current.body.push(line);
  }
  // A title with nothing under it is a label or the cut-off end of a truncated page, not an item.
  layout.items = layout.items.filter((item) => {
    const datesItem = item.section === 'network-dates' || item.section === 'key-dates';
    if (item.body.length > 0 || datesItem) return true;
    warn(item.start, `title "${item.title}" has no text under it: not read as an item`);
    return false;
  });
  return layout;
}
