import { readFile, stat } from 'node:fs/promises';
import { fromIso } from './dates.js';
import type { UpdateDocument, Warning } from './document.js';
import { UpdateParseError } from './errors.js';
import { readFront } from './headline.js';
import { checkText, decodeUpdate, MAX_UPDATE_BYTES } from './input.js';
import { buildItem, itemWords } from './items.js';
import { readLayout } from './body.js';
import { LAYOUTS } from './layouts.js';
import { isBlank, splitLines, type Warn } from './lines.js';
import { readMeetings } from './meetings.js';
import { readPublications } from './publications.js';
import { readContacts } from './contacts.js';
import { readTables } from './tables.js';
import { recoverToolsList } from './truncation.js';

export { MAX_UPDATE_BYTES, UpdateParseError };
export type { UpdateParseErrorCode } from './errors.js';
export type { UpdateDocument } from './document.js';

/**
 * Text of one Update → its typed document. Throws UpdateParseError when the text is not an
 * Update at all; anything odd inside a readable Update becomes a warning with its line number.
 */
export function parseUpdate(text: string, sourceFile: string): UpdateDocument {
  const body = checkText(text, sourceFile, Buffer.byteLength(text, 'utf8'));
  const lines = splitLines(body);
  const warnings: Warning[] = [];
  const warn: Warn = (line, message) => warnings.push({ line, message });

  const front = readFront(lines, sourceFile, warn);
  const layout = readLayout(lines, front.bodyStart, LAYOUTS[front.layout], warn);
  const reference = fromIso(front.headline.date);
  const lastText = lines.findLast((l) => !isBlank(l))?.no ?? 1;
  const truncated = recoverToolsList(layout, reference, lastText, warn);

  const document: UpdateDocument = {
    issue: {
      number: front.headline.number,
      date: front.headline.date,
      headline: front.headline.text,
      sourceFile,
      planReferences: front.planReferences,
      furniture: front.furniture,
      truncated,
      layout: front.layout,
    },
    items: layout.items
      .map((raw) => buildItem(raw, warn))
      .filter((item) => {
        // "Programme:" and "Action Required:" with nothing else: no words to show or to quote as evidence.
        if (itemWords(item) !== '') return true;
        warn(item.lines.start, 'an item with neither title nor text: not read as an item');
        return false;
      }),
    ...readMeetings(layout.items, { reference, warn }),
    publications: readPublications(layout.tools, reference, warn),
    contacts: readContacts(layout.contacts, warn),
    tables: layout.items.flatMap((raw) => readTables(raw, warn)),
    warnings,
  };
  warnings.sort((a, b) => a.line - b.line);
  return document;
}

/** Reads and parses one file, refusing oversized, binary and non-UTF-8 files before parsing. */
export async function parseUpdateFile(path: string): Promise<UpdateDocument> {
  let bytes: Uint8Array;
  try {
    const { size } = await stat(path);
    if (size > MAX_UPDATE_BYTES) checkText('', path, size);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof UpdateParseError) throw error;
    throw new UpdateParseError(path, 0, 'UNREADABLE', `cannot read file: ${(error as Error).message}`);
  }
  return parseUpdate(decodeUpdate(bytes, path), path);
}
