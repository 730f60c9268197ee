import { simpleParser } from 'mailparser';
import { readHtml } from './html.js';
import type { SourceText } from './source.js';

/**
 * An e-mail (RFC 822 / MIME) → the text the parser reads. mailparser undoes the transfer encodings
 * (quoted-printable, base64) and decodes each part by its declared charset. Of a multipart/alternative
 * message the HTML part is read (it keeps headings, lists, tables and links), else the text part.
 */
export async function readEmail(bytes: Buffer): Promise<SourceText & { subject: string | null }> {
  const mail = await simpleParser(bytes, { skipImageLinks: true, skipTextToHtml: true, keepCidLinks: false });
  const subject = mail.subject ?? null;
  if (typeof mail.html === 'string' && mail.html.trim() !== '') {
    const base = mail.headers.get('content-base');
    const { text, links } = readHtml(mail.html, { base: typeof base === 'string' ? base : undefined });
    return { text, links, subject };
  }
  return { text: mail.text ?? '', links: [], subject };
}
