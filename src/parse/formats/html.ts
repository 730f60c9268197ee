import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { normaliseUrl } from './urls.js';
import type { SourceLink, SourceText } from './source.js';

/**
 * A web page → the plain-text document the text parser reads, plus the links of each line.
 *
 * The page is parsed by cheerio (htmlparser2): nothing on it is executed, and no regular expression ever
 * reads markup. Only the main content is read: the post's `.entry-content` (WordPress), else its
 * `article`, `main` or `[role=main]`, else the body. Inside it, navigation, sidebars, headers and footers
 * of the post, sharing and cookie notices, forms, scripts, styles and comments are dropped.
 *
 * The markup becomes the text's rhythm, so that every layout rule of the text path still holds:
 * - a block (paragraph, div, list, table, blockquote) stands apart by one blank line;
 * - an empty paragraph (`<p>&nbsp;</p>`, the spacer WordPress writes for a blank line) adds one more;
 * - a heading (`h1`–`h6`) is a title: two blank lines before and after it;
 * - `<br>` ends a line inside a block;
 * - each list entry is one line, `• text` (`1. text` in an ordered list), indented two spaces a level;
 * - each table row is one line, its cells joined by a space (the way a copied table reads).
 */

/** Never read: page furniture and anything that is not text. */
const DROPPED = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'form',
  'button',
  'select',
  'input',
  'textarea',
  'nav',
  'aside',
  'footer',
  'dialog',
  '[role=navigation]',
  '[role=complementary]',
  '[role=contentinfo]',
  '[role=banner]',
  '[role=dialog]',
  '[aria-hidden=true]',
  '[hidden]',
  '.sidebar',
  '#sidebar',
  '#secondary',
  '.widget',
  '.widget-area',
  '.site-header',
  '.site-footer',
  '.entry-meta',
  '.entry-footer',
  '.post-navigation',
  '.nav-links',
  '.navigation',
  '.breadcrumbs',
  '.sharedaddy',
  '.share',
  '.jp-relatedposts',
  '.comments-area',
  '#comments',
  '.comment-respond',
  '.screen-reader-text',
  '.skip-link',
  '[class*=cookie]',
  '[id*=cookie]',
  '[class*=gdpr]',
  '[id*=gdpr]',
  '[class*=consent]',
  '[id*=consent]',
].join(',');

/** Where the post's own text is, most specific first. */
const CONTENT_ROOTS = ['.entry-content', '.post-content', 'article', 'main', '[role=main]', '#content'];

const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'address',
  'dl',
  'dt',
  'dd',
  'center',
  'hr',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const LISTS = new Set(['ul', 'ol']);

/** Collapses markup whitespace the way a browser shows it; non-breaking spaces stay (the parser reads them). */
const collapse = (text: string): string => text.replace(/[ \t\n\r\f]+/g, ' ');

/** Builds the lines: blank lines are owed between blocks and paid before the next text. */
class TextWriter {
  readonly lines: string[] = [];
  readonly links: SourceLink[] = [];
  private current = '';
  private currentLinks: { text: string; href: string }[] = [];
  private owedBlanks = 0;

  constructor(private readonly base: string | undefined) {}

  text(value: string): void {
    if (this.current === '' && value.trim() === '') return;
    this.current += value;
  }

  link(text: string, href: string | undefined): void {
    const url = href === undefined ? null : normaliseUrl(href, this.base);
    const anchor = text
      .replace(/\s+/g, ' ')
      .replace(/\u00a0/g, ' ')
      .trim();
    if (url !== null && anchor !== '') this.currentLinks.push({ text: anchor, href: url });
  }

  /** Ends the current line (a `<br>`, a list entry, a table row); no blank line. */
  endLine(): void {
    const line = this.current.replace(/[ \t]+$/, '');
    this.current = '';
    const lineLinks = this.currentLinks;
    this.currentLinks = [];
    if (line.trim() === '') return;
    if (this.lines.length > 0) for (; this.owedBlanks > 0; this.owedBlanks--) this.lines.push('');
    this.owedBlanks = 0;
    // Leading spaces are markup, except the indentation this writer gives nested list entries.
    this.lines.push(/^ *(?:•|\d+\.) /.test(line) ? line : line.trimStart());
    for (const link of lineLinks) this.links.push({ line: this.lines.length, ...link });
  }

  /** A block boundary: at least `blanks` blank lines before whatever comes next. */
  block(blanks = 1): void {
    this.endLine();
    this.owedBlanks = Math.max(this.owedBlanks, blanks);
  }

  /** An empty paragraph: one blank line more than a block boundary would give. */
  spacer(): void {
    this.endLine();
    this.owedBlanks = Math.max(this.owedBlanks, 1) + 1;
  }

  get lineIsEmpty(): boolean {
    return this.current.trim() === '';
  }
}

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  if (isElement(node)) return node.children.map(textOf).join('');
  return '';
}

interface Walk {
  writer: TextWriter;
  /** Depth of list nesting (0 outside lists). */
  listDepth: number;
}

function walk(node: AnyNode, w: Walk): void {
  if (node.type === 'text') {
    w.writer.text(collapse(node.data));
    return;
  }
  if (!isElement(node)) return; // comments, processing instructions, doctype
  const name = node.name.toLowerCase();
  const children = (): void => node.children.forEach((child) => walk(child, w));

  if (name === 'br') {
    w.writer.endLine();
    return;
  }
  if (name === 'img') {
    // An image's alt text stands where the image is, as a copy of the page shows it.
    const alt = node.attribs.alt?.trim();
    if (alt !== undefined && alt !== '') {
      w.writer.block();
      w.writer.text(collapse(alt));
      w.writer.block();
    }
    return;
  }
  if (name === 'a') {
    w.writer.link(textOf(node), node.attribs.href);
    children();
    return;
  }
  if (HEADINGS.has(name)) {
    w.writer.block(2);
    children();
    w.writer.block(2);
    return;
  }
  if (LISTS.has(name)) {
    w.writer.block(w.listDepth === 0 ? 1 : 0);
    let position = 0;
    for (const child of node.children) {
      if (isElement(child) && child.name.toLowerCase() === 'li') {
        position += 1;
        w.writer.endLine();
        const glyph = name === 'ol' ? `${position}.` : '•';
        w.writer.text(`${'  '.repeat(w.listDepth)}${glyph} `);
        const inner: Walk = { ...w, listDepth: w.listDepth + 1 };
        for (const grandchild of child.children) walkInList(grandchild, inner);
        w.writer.endLine();
      } else walk(child, w);
    }
    w.writer.block(w.listDepth === 0 ? 1 : 0);
    return;
  }
  if (name === 'table') {
    w.writer.block();
    for (const row of tableRows(node)) {
      const cells = row.children.filter(
        (c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'),
      );
      cells.forEach((cell, i) => {
        if (i > 0 && !w.writer.lineIsEmpty) w.writer.text(' ');
        cell.children.forEach((child) => walkInList(child, w));
      });
      w.writer.endLine();
    }
    w.writer.block();
    return;
  }
  if (name === 'p' && textOf(node).replace(/[\s\u00a0]/g, '') === '' && !hasImage(node)) {
    w.writer.spacer();
    return;
  }
  if (BLOCKS.has(name)) {
    w.writer.block();
    children();
    w.writer.block();
    return;
  }
  children(); // inline: span, strong, em…
}

/** Inside a list entry or a table cell, blocks only break the line (no blank line inside a list). */
function walkInList(node: AnyNode, w: Walk): void {
  if (isElement(node)) {
    const name = node.name.toLowerCase();
    if (LISTS.has(name)) {
      w.writer.endLine();
      walk(node, w);
      return;
    }
    if (BLOCKS.has(name) || HEADINGS.has(name)) {
      node.children.forEach((child) => walkInList(child, w));
      if (!w.writer.lineIsEmpty) w.writer.text(' ');
      return;
    }
    if (name === 'a') {
      w.writer.link(textOf(node), node.attribs.href);
      node.children.forEach((child) => walkInList(child, w));
      return;
    }
  }
  walk(node, w);
}

function hasImage(node: Element): boolean {
  return node.children.some((c) => isElement(c) && (c.name === 'img' || hasImage(c)));
}

function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (node: AnyNode): void => {
    if (!isElement(node)) return;
    if (node.name === 'tr') rows.push(node);
    else if (node.name !== 'table' || node === table) node.children.forEach(visit);
  };
  visit(table);
  return rows;
}

/** What kind of page it is, by WordPress's body classes: a post, or a listing / an error page. */
export interface PageFacts {
  /** `<title>`, collapsed. */
  title: string;
  /** Posts listed on it (an index, an archive, search results): more than one `article`. */
  articles: number;
  /** WordPress marks its "not found" page `error404`; its title says so too. */
  notFound: boolean;
  /** The post's own title (`.entry-title`, else the first `h1`). */
  postTitle: string | null;
}

export interface HtmlDocument extends SourceText {
  page: PageFacts;
}

/**
 * Reads an HTML page. `html` is text already decoded, or the raw bytes (decoded by BOM, `charset`
 * (the HTTP header's, if any), then the page's own `<meta charset>`, else UTF-8).
 */
export function readHtml(
  html: string | Buffer,
  options: { base?: string; charset?: string } = {},
): HtmlDocument {
  const $ =
    typeof html === 'string'
      ? cheerio.load(html)
      : cheerio.loadBuffer(html, {
          encoding: { transportLayerEncodingLabel: options.charset, defaultEncoding: 'utf-8' },
        });
  const baseHref = $('base[href]').attr('href');
  const base = baseHref === undefined ? options.base : (normaliseUrl(baseHref, options.base) ?? options.base);
  const bodyClass = ` ${$('body').attr('class') ?? ''} `;
  const title = collapse($('title').first().text()).trim();
  const postTitleText = collapse(($('.entry-title').first().text() || $('h1').first().text()) ?? '').trim();
  $(DROPPED).remove();
  const page: PageFacts = {
    title,
    // Counted without the furniture: a theme's "related posts" in a sidebar are not a listing.
    articles: $('article').length,
    notFound:
      // Not a bare "404" in the title: "UPDATE NO 404 …" is an Update.
      bodyClass.includes(' error404 ') ||
      /\b(?:page not found|not found|nothing (?:was )?found)\b/i.test(title),
    postTitle: postTitleText === '' ? null : postTitleText,
  };

  const root =
    CONTENT_ROOTS.map((selector) => $(selector).first()).find((found) => found.length > 0) ?? $('body');
  const writer = new TextWriter(base);
  for (const node of root.length > 0 ? root.toArray() : $.root().toArray())
    walk(node, { writer, listDepth: 0 });
  writer.endLine();
  return { text: `${writer.lines.join('\n')}\n`, links: writer.links, page };
}
