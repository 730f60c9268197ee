import { extname } from 'node:path';
import { readEmail } from './email.js';
import { readHtml, type PageFacts } from './html.js';
import type { SourceFormat, SourceLink } from './source.js';

export { normaliseUrl } from './urls.js';
export type { SourceFormat, SourceLink, SourceText } from './source.js';
export type { PageFacts } from './html.js';

/** Where the bytes came from: a file name, or a URL with the HTTP response's Content-Type. */
export interface SourceHints {
  /** A file path or URL: its extension is a hint, never the only evidence. */
  name: string;
  /** The HTTP Content-Type, when the bytes were fetched. */
  contentType?: string;
  /** The URL relative links resolve against (the page's own URL). */
  base?: string;
}

const HTML_START = [
  '<!doctype html',
  '<html',
  '<head',
  '<body',
  '<meta',
  '<title',
  '<article',
  '<div',
  '<p>',
  '<p ',
];
const MAIL_HEADERS = new Set([
  'from',
  'to',
  'subject',
  'date',
  'mime-version',
  'content-type',
  'message-id',
  'received',
  'return-path',
  'delivered-to',
  'reply-to',
  'x-mailer',
]);

/**
 * Which format the bytes are, by their content: HTML when the text opens with markup, e-mail when it opens
 * with a block of RFC 822 header fields that names From, Subject or a MIME header; else plain text. A
 * `.html`/`.htm`/`.eml` name or an HTML / message Content-Type decides when the content does not.
 */
export function sniffFormat(bytes: Uint8Array, hints: SourceHints): SourceFormat {
  const head = Buffer.from(bytes.subarray(0, 4096))
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  const start = head.trimStart().toLowerCase();
  if (
    start.startsWith('<') &&
    HTML_START.some((tag) => start.startsWith(tag) || start.slice(0, 1024).includes(tag))
  )
    return 'html';
  if (looksLikeMail(head)) return 'email';
  const type = hints.contentType?.toLowerCase() ?? '';
  if (type.includes('html')) return 'html';
  if (type.startsWith('message/')) return 'email';
  const ext = extname(hints.name.replace(/[?#].*$/, '')).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.eml') return 'email';
  return 'text';
}

/** A header block: every line up to the first blank one is `Name: value` or a folded continuation. */
function looksLikeMail(head: string): boolean {
  const lines = head.split(/\r?\n/);
  const names = new Set<string>();
  for (const line of lines) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) {
      if (names.size === 0) return false;
      continue;
    }
    const field = /^([!-9;-~]+):/.exec(line);
    if (field === null) return false;
    names.add(field[1]!.toLowerCase());
  }
  const known = [...names].filter((name) => MAIL_HEADERS.has(name));
  return known.length >= 2 && (names.has('from') || names.has('subject') || names.has('mime-version'));
}

/** The charset a Content-Type header declares, if any. */
export function declaredCharset(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  const match = /charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match?.[1];
}

export interface DecodedSource {
  format: SourceFormat;
  /** The text the parser reads; null for plain text, which the parser's own strict decoder reads. */
  text: string | null;
  links: SourceLink[];
  /** What the page says about itself (HTML only). */
  page: PageFacts | null;
  /** The e-mail's subject, if any. */
  subject: string | null;
}

/** Bytes of an HTML page or e-mail → their text and links. Plain text is left to the parser. */
export async function decodeSource(bytes: Uint8Array, hints: SourceHints): Promise<DecodedSource> {
  const format = sniffFormat(bytes, hints);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (format === 'html') {
    const { text, links, page } = readHtml(buffer, {
      base: hints.base,
      charset: declaredCharset(hints.contentType),
    });
    return { format, text, links, page, subject: null };
  }
  if (format === 'email') {
    const { text, links, subject } = await readEmail(buffer);
    return { format, text, links, page: null, subject };
  }
  return { format, text: null, links: [], page: null, subject: null };
}
