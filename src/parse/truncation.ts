import type { Ymd } from './dates.js';
import type { Layout } from './body.js';
import { isBlank, type Line, type Warn } from './lines.js';
import { readPublication } from './publications.js';

/**
 * A file cut short (copied from a page that did not finish loading) loses its tail: the contact
 * list, sometimes the "Tools & Templates" header too, so the publication list runs on inside the
 * last item. The list is recognised by its usual first line or by a run of publication-shaped lines.
 */
const TOOLS_OPENER = /^we have produced a regional improvement plan\b/i;
const RUN_LENGTH = 3;

function toolsStart(body: Line[], reference: Ymd): number {
  const ignore: Warn = () => undefined;
  const text = body.filter((l) => !isBlank(l));
  const dated = text.map((l) => {
    const read = readPublication(l, reference, ignore);
    return read.shape !== null && read.publication.date !== null;
  });
  // The item's first line is its own text, never the list.
  for (let i = 1; i < text.length; i++) {
    const line = text[i] as Line;
    if (
      TOOLS_OPENER.test(line.text.trim()) ||
      (i + RUN_LENGTH <= text.length && dated.slice(i, i + RUN_LENGTH).every(Boolean))
    ) {
      return body.indexOf(line);
    }
  }
  return -1;
}

/** Moves an unmarked publication list out of the last item; returns whether the Update is truncated. */
export function recoverToolsList(layout: Layout, reference: Ymd, lastLine: number, warn: Warn): boolean {
  const last = layout.items.at(-1);
  if (layout.toolsMarker === null && last !== undefined) {
    const at = toolsStart(last.body, reference);
    if (at !== -1) {
      layout.tools = last.body.slice(at);
      last.body = last.body.slice(0, at);
      warn(
        layout.tools[0]?.no ?? lastLine,
        'no "Tools & Templates" header: the publication list is read from this line',
      );
    }
  }
  if (layout.contactsMarker !== null) return false;
  warn(lastLine, 'no "Contact Details" section: the Update appears to be cut short');
  return true;
}
