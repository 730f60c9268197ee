import { readFile, stat } from 'node:fs/promises';
import { fromIso } from './dates.js';
import type { UpdateDocument, Warning } from './document.js';
import { UpdateParseError } from './errors.js';
import { isHeadline, readFront } from './headline.js';
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
import { decodeSource, type DecodedSource, type SourceHints, type SourceLink } from './formats/index.js';
import { attachLinks } from './links.js';
import type { KnownAuthorities } from './authorities.js';

export { MAX_UPDATE_BYTES, UpdateParseError };
export { normaliseUrl, sniffFormat, type SourceFormat, type SourceHints } from './formats/index.js';
export type { UpdateParseErrorCode } from './errors.js';
export type { UpdateDocument } from './document.js';
export { knownAuthorities, type KnownAuthorities } from './authorities.js';

/** What the parser is told of the reference data, which the caller reads (`loadParseOptions`, src/load/reference.ts). */
export interface ParseOptions {
  /** Local authorities' names kept whole when a participants list is split (without them, every "and" splits). */
  authorities?: KnownAuthorities;
}

/**
 * Text of one Update → its typed document. Throws UpdateParseError when the text is not an
 * Update at all; anything odd inside a readable Update becomes a warning with its line number.
 */
export function parseUpdate(text: string, sourceFile: string, options: ParseOptions = {}): UpdateDocument {
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
    ...readMeetings(layout.items, { reference, warn, authorities: options.authorities }),
    publications: readPublications(layout.tools, reference, warn),
    contacts: readContacts(layout.contacts, warn),
    tables: layout.items.flatMap((raw) => readTables(raw, warn)),
    warnings,
  };
  warnings.sort((a, b) => a.line - b.line);
  return document;
}

/**
 * Reads and parses one file: plain text, a web page or an e-mail, told apart by content (see
 * formats/index.ts). Oversized files are refused before they are read.
 */
export async function parseUpdateFile(path: string, options: ParseOptions = {}): Promise<UpdateDocument> {
  let bytes: Uint8Array;
  try {
    const { size } = await stat(path);
    if (size > MAX_UPDATE_BYTES) checkText('', path, size);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof UpdateParseError) throw error;
    throw new UpdateParseError(path, 0, 'UNREADABLE', `cannot read file: ${(error as Error).message}`);
  }
  return parseUpdateBytes(bytes, { name: path }, options);
}

/**
 * Bytes of any format → the document. `hints.name` (file or URL) names the source in the document and in
 * errors. A web page or e-mail that is not an Update is refused with NOT_AN_UPDATE.
 */
export async function parseUpdateBytes(
  bytes: Uint8Array,
  hints: SourceHints,
  options: ParseOptions = {},
): Promise<UpdateDocument> {
  const file = hints.name;
  if (bytes.length > MAX_UPDATE_BYTES) checkText('', file, bytes.length);
  let source: DecodedSource;
  try {
    source = await decodeSource(bytes, hints);
  } catch (error) {
    throw new UpdateParseError(
      file,
      0,
      'UNREADABLE',
      `cannot decode ${hints.name}: ${(error as Error).message}`,
    );
  }
  if (source.text === null) return parseUpdate(decodeUpdate(bytes, file), file, options);
  const what = source.format === 'html' ? 'web page' : 'e-mail';
  const page = source.page;
  if (page !== null && page.notFound)
    throw notAnUpdate(file, `a "not found" page${page.title === '' ? '' : ` ("${page.title}")`}`);
  if (page !== null && page.articles > 1)
    throw notAnUpdate(file, `a list of ${page.articles} posts (an index or archive page), not one Update`);
  let text = source.text;
  let links: SourceLink[] = source.links;
  const headlines = splitLines(text).filter(isHeadline);
  const numbers = new Set(headlines.map((l) => /\d+/.exec(l.text)?.[0]));
  if (numbers.size > 1)
    throw notAnUpdate(
      file,
      `it names ${numbers.size} Updates (${[...numbers].join(', ')}): an index, not one Update`,
    );
  if (headlines.length === 0) {
    // The 2023–2025 pages may give the headline only as the post's title (or the e-mail's subject).
    const title = [page?.postTitle, source.subject].find(
      (t): t is string => typeof t === 'string' && isHeadline({ no: 1, text: t }),
    );
    if (title === undefined)
      throw notAnUpdate(file, `no "Update no <n> <date>" headline in the ${what}'s main content`);
    text = `${title}\n\n${text}`;
    links = links.map((link) => ({ ...link, line: link.line + 2 }));
    try {
      return attachLinks(parseUpdate(text, file, options), links);
    } catch (error) {
      // "Update no 600 delayed": a post titled like an Update, without an Update's date.
      if (error instanceof UpdateParseError && error.code === 'BAD_HEADLINE')
        throw notAnUpdate(file, `its title "${title}" is not an Update's headline (no date)`);
      throw error;
    }
  }
  const document = parseUpdate(text, file, options);
  return attachLinks(document, links);
}

function notAnUpdate(file: string, why: string): UpdateParseError {
  return new UpdateParseError(file, 0, 'NOT_AN_UPDATE', `not an Update: ${why}`);
}
