import type { SectionName } from './document.js';
import { isHeadline } from './headline.js';
import { BULLET, isBlank, type Line, type Warn } from './lines.js';

/**
 * The body's structure before any item is read in detail: which lines form which item, and where
 * the Tools & Templates and Contact Details lists are. Items are recognised by layout rather than
 * wording: a heading follows two or more blank lines (or the body start, or a section marker),
 * except that the first line after a heading is always body text, so a one-paragraph item whose
 * paragraph also stands between double blanks is not mistaken for two items. Updates that label
 * items with "Programme:" use that label alone.
 */

export const MARKERS = {
  reminders: /^reminders from previous weeks:?$/i,
  tools: /^tools\s*(?:&|and)\s*templates:?$/i,
  contacts: /^contact details:?$/i,
  networkDates: /^(?:future dates for network meetings|network dates):?$/i,
  keyDates: /^key dates:?$/i,
  programme: /^programme:\s*(.*)$/i,
  update: /^update:\s*(.*)$/i,
  action: /^action required(?::\s*(.*)|\s*)$/i,
};

export interface RawItem {
  title: string;
  section: SectionName;
  programme: string | null;
  /** The heading line, or the "Programme:" line. */
  start: number;
  /** Every line after the title up to the next item or list, blank lines included. */
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

export function readLayout(lines: Line[], bodyStart: number, warn: Warn): Layout {
  const layout: Layout = { items: [], tools: [], contacts: [], toolsMarker: null, contactsMarker: null };
  const programmeStyle = lines.slice(bodyStart).some((l) => MARKERS.programme.test(l.text.trim()));
  let enclosing: SectionName = 'main';
  let list: 'items' | 'tools' | 'contacts' = 'items';
  let current: RawItem | null = null;
  let awaitingTitle = false;
  let afterHeading = false;
  let atBoundary = true;
  let blanks = 0;

  const open = (title: string, start: number, programme: string | null): RawItem => {
    const item: RawItem = { title, section: titleSection(title) ?? enclosing, programme, start, body: [] };
    layout.items.push(item);
    return item;
  };

  for (const line of lines.slice(bodyStart)) {
    const text = line.text.trim();
    if (isBlank(line)) {
      blanks++;
      if (list === 'items' && current !== null && !awaitingTitle) current.body.push(line);
      else if (list === 'tools') layout.tools.push(line);
      else if (list === 'contacts') layout.contacts.push(line);
      continue;
    }
    const headingPosition = atBoundary || blanks >= 2;
    blanks = 0;
    if (MARKERS.tools.test(text)) {
      [list, layout.toolsMarker, current] = ['tools', line.no, null];
      continue;
    }
    if (MARKERS.contacts.test(text)) {
      [list, layout.contactsMarker, current] = ['contacts', line.no, null];
      continue;
    }
    if (list === 'tools') {
      layout.tools.push(line);
      continue;
    }
    if (list === 'contacts') {
      layout.contacts.push(line);
      continue;
    }
    if (isHeadline(line)) {
      warn(line.no, 'repeated headline skipped');
      continue;
    }
    if (MARKERS.reminders.test(text)) {
      [enclosing, current, atBoundary, awaitingTitle] = ['reminders', null, true, false];
      continue;
    }
    atBoundary = false;
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
        continue;
      }
      // "Programme: X" followed directly by a marker: the label is the only title there is.
      item.title = item.programme ?? '';
      if (item.title === '') warn(line.no, '"Programme:" without a title');
    }
    const startsItem =
      titleSection(text) !== null ||
      (!programmeStyle && headingPosition && !afterHeading && !isMarker && !BULLET.test(line.text));
    if (startsItem) {
      current = open(text, line.no, null);
      afterHeading = true;
      continue;
    }
    afterHeading = false;
    if (current === null) {
      warn(line.no, 'line outside any item skipped');
      continue;
    }
    current.body.push(line);
  }
  return layout;
}
