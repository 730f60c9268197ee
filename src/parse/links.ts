import type { UpdateDocument } from './document.js';
import type { SourceLink } from './formats/index.js';

/** Lower-case words, for comparing an anchor text with a title whatever the punctuation and spacing. */
const words = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Gives the links of a web page or e-mail to what was read from their lines: each item keeps the links on
 * its lines, and a Tools & Templates publication keeps the link on its title (the anchor whose words are
 * the title's, or hold them, or are held in them; the only link on the line otherwise).
 */
export function attachLinks(document: UpdateDocument, links: SourceLink[]): UpdateDocument {
  if (links.length === 0) return document;
  const items = document.items.map((item) => {
    const own = links
      .filter((link) => link.line >= item.lines.start && link.line <= item.lines.end)
      .map((link) => ({ text: link.text, url: link.href, line: link.line }));
    return own.length === 0 ? item : { ...item, links: own };
  });
  const publications = document.publications.map((publication) => {
    const onLine = links.filter((link) => link.line === publication.line);
    const title = words(publication.title);
    const anchors = onLine.map((link) => ({ link, anchor: words(link.text) }));
    // The anchor that is the title, else one that holds it, else one of several words the title holds.
    const named =
      anchors.find(({ anchor }) => anchor === title) ??
      anchors.find(({ anchor }) => title !== '' && anchor.includes(title)) ??
      anchors.find(({ anchor }) => anchor.includes(' ') && title.includes(anchor));
    const link = named?.link ?? (onLine.length === 1 ? onLine[0] : undefined);
    return link === undefined ? publication : { ...publication, url: link.href };
  });
  return { ...document, items, publications };
}
