import type { BulletList, Item } from './document.js';
import { MARKERS, type RawItem } from './body.js';
import { BULLET, isBlank, type Line, type Warn } from './lines.js';

/** Tabs count as four columns so that mixed indentation still nests. */
const indentWidth = (indent: string): number => indent.replace(/\t/g, '    ').length;

/** Depth is the rank of the entry's indentation among the list's distinct indentations. */
function withDepths(entries: { text: string; indent: number; line: number }[], ordered: boolean): BulletList {
  const indents = [...new Set(entries.map((e) => e.indent))].sort((a, b) => a - b);
  return {
    ordered,
    entries: entries.map((e) => ({ text: e.text, depth: indents.indexOf(e.indent), line: e.line })),
  };
}

/** Paragraphs are the non-bullet lines; consecutive bullets of one kind (blank lines between allowed) form a list. */
function describe(body: Line[]): { paragraphs: string[]; lists: BulletList[] } {
  const paragraphs: string[] = [];
  const lists: BulletList[] = [];
  let run: { text: string; indent: number; line: number }[] = [];
  let runOrdered = false;
  const flush = (): void => {
    if (run.length > 0) lists.push(withDepths(run, runOrdered));
    run = [];
  };
  for (const line of body) {
    if (isBlank(line)) continue;
    const bullet = BULLET.exec(line.text)?.groups;
    if (bullet === undefined) {
      flush();
      paragraphs.push(line.text.trim());
      continue;
    }
    const ordered = /\d/.test(bullet.glyph ?? '');
    if (run.length > 0 && ordered !== runOrdered) flush();
    runOrdered = ordered;
    run.push({ text: (bullet.text ?? '').trim(), indent: indentWidth(bullet.indent ?? ''), line: line.no });
  }
  flush();
  return { paragraphs, lists };
}

const isDatesSection = (item: RawItem): boolean =>
  item.section === 'network-dates' || item.section === 'key-dates';

/**
 * The lines of an item that carry content: "Update:" dividers dropped (keeping any text written on
 * the same line), and, in a dates item, "Action Required:" too, because there it only divides the list.
 */
export function contentLines(item: RawItem): Line[] {
  const out: Line[] = [];
  for (const line of item.body) {
    const text = line.text.trim();
    const divider = MARKERS.update.exec(text) ?? (isDatesSection(item) ? MARKERS.action.exec(text) : null);
    if (divider === null) out.push(line);
    else if ((divider[1] ?? '') !== '') out.push({ no: line.no, text: divider[1] ?? '' });
  }
  return out;
}

/** The first words of an item: its title, or, for an item whose title is missing, its first text. */
export function itemWords(item: Item): string {
  const texts = [item.title, ...item.paragraphs, ...item.lists.flatMap((l) => l.entries.map((e) => e.text))];
  return [...texts, item.actionRequired ?? ''].find((text) => text.trim() !== '') ?? '';
}

export function buildItem(raw: RawItem, warn: Warn): Item {
  const lines = contentLines(raw);
  const markerAt = isDatesSection(raw) ? -1 : lines.findIndex((l) => MARKERS.action.test(l.text.trim()));
  const before = markerAt === -1 ? lines : lines.slice(0, markerAt);
  let actionRequired: string | null = null;
  if (markerAt !== -1) {
    const after: string[] = [];
    const sameLine = MARKERS.action.exec((lines[markerAt] as Line).text.trim())?.[1] ?? '';
    if (sameLine !== '') after.push(sameLine);
    for (const line of lines.slice(markerAt + 1)) {
      if (isBlank(line)) continue;
      if (MARKERS.action.test(line.text.trim())) {
        warn(line.no, 'second "Action Required:" in one item ignored');
        continue;
      }
      after.push(line.text.trim());
    }
    actionRequired = after.join('\n');
  }
  const lastText = [...raw.body].reverse().find((l) => !isBlank(l));
  return {
    title: raw.title,
    section: raw.section,
    programme: raw.programme,
    ...describe(before),
    actionRequired,
    lines: { start: raw.start, end: Math.max(raw.start, lastText?.no ?? raw.start) },
  };
}
