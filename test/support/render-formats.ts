import iconv from 'iconv-lite';
import { parseUpdate } from '../../src/parse/index.js';

/**
 * Renders the text of an Update the ways the archive holds it elsewhere: a WordPress post page (with the
 * site's header, navigation, cookie notice, sidebar of recent posts, archives and categories, the post's
 * meta and footer, scripts and styles) and a subscriber e-mail. The tests read these back and expect the
 * records of the text.
 *
 * The markup follows the text's rhythm the way WordPress writes it: each paragraph is a `<p>` (lines of
 * one paragraph joined by `<br>`), a title standing between two blank lines on each side is an `<h3>`,
 * a run of bullet lines is a `<ul>`, an inspection table is a `<table>`, and each extra blank line is an
 * empty paragraph (`<p>&nbsp;</p>`). Publication titles of the Tools & Templates list and the word "here"
 * in items become links (to made-up gov.uk and seslip.co.uk addresses, with tracking parameters and
 * fragments the reader must drop).
 */

const escape = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;');

const slug = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** The address a publication's link points at: what the reader must keep once normalised. */
export const publicationUrl = (title: string): string =>
  `https://www.gov.uk/government/publications/${slug(title)}`;

interface Run {
  lines: string[];
  /** 1-based line number of the run's first line. */
  start: number;
  blanksBefore: number;
  blanksAfter: number;
}

function runsOf(text: string): Run[] {
  const lines = text.split(/\r\n|\r|\n/);
  const runs: Run[] = [];
  let blanks = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() === '') {
      blanks += 1;
      continue;
    }
    const last = runs.at(-1);
    if (last !== undefined && blanks === 0) last.lines.push(lines[i]!);
    else {
      if (last !== undefined) last.blanksAfter = blanks;
      runs.push({
        lines: [lines[i]!],
        start: i + 1,
        blanksBefore: runs.length === 0 ? 0 : blanks,
        blanksAfter: 0,
      });
    }
    blanks = 0;
  }
  const last = runs.at(-1);
  if (last !== undefined) last.blanksAfter = blanks;
  return runs;
}

const BULLET = /^\s*[•◦▪‣·]\s+(.*)$/;
const TABLE_ROW = /^(\d+) (.+) (\S+) (\d+) (\d+)$/;

/** The post's content: the Update's text as WordPress markup. */
export function renderContent(text: string, options: { links?: boolean } = {}): string {
  const doc = parseUpdate(text, 'render');
  const linkedTitles = new Map<number, string[]>();
  if (options.links !== false) {
    for (const p of doc.publications)
      linkedTitles.set(p.line, [...(linkedTitles.get(p.line) ?? []), p.title]);
  }
  const itemLines = new Set(doc.items.flatMap((item) => range(item.lines.start, item.lines.end)));
  const inline = (line: string, no: number): string => {
    let html = escape(line);
    for (const title of linkedTitles.get(no) ?? []) {
      // The parser read non-breaking spaces as spaces: a space of the title is either in the line.
      const words = escape(title)
        .split(' ')
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      const found = new RegExp(words.join('(?: |&nbsp;)+')).exec(html);
      if (found === null || title.length < 4) continue;
      const href = `${publicationUrl(title)}?utm_source=seslip&amp;utm_medium=email#main-content`;
      html = `${html.slice(0, found.index)}<a href="${href}">${found[0]}</a>${html.slice(found.index + found[0].length)}`;
    }
    if (options.links !== false && itemLines.has(no) && /\bhere\b/.test(html) && !html.includes('<a ')) {
      html = html.replace(/\bhere\b/, `<a href="/regional-improvement/?line=${no}#top">here</a>`);
    }
    return html;
  };

  const out: string[] = [];
  let owed = 1; // what the reader owes after the previous block: 1, or 2 after a heading
  for (const run of runsOf(text)) {
    const heading = run.lines.length === 1 && run.blanksBefore >= 2 && run.blanksAfter >= 2;
    const spacers = run.blanksBefore === 0 ? 0 : Math.max(0, run.blanksBefore - owed);
    for (let s = 0; s < spacers; s++) out.push('<p>&nbsp;</p>');
    if (heading) {
      out.push(`<h3>${inline(run.lines[0]!.trim(), run.start)}</h3>`);
      owed = 2;
      continue;
    }
    owed = 1;
    if (run.lines.every((l) => BULLET.test(l)) && new Set(run.lines.map(indentOf)).size === 1) {
      const entries = run.lines.map((l, i) => `  <li>${inline(BULLET.exec(l)![1]!, run.start + i)}</li>`);
      out.push(`<ul>\n${entries.join('\n')}\n</ul>`);
    } else if (
      /Days Waited/.test(run.lines[0]!) &&
      run.lines.slice(1).every((l) => TABLE_ROW.test(l.trim()))
    ) {
      const rows = run.lines.map((line, i) => {
        const cells = i === 0 ? [line.trim()] : TABLE_ROW.exec(line.trim())!.slice(1);
        return `<tr>${cells.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`;
      });
      out.push(`<table><tbody>\n${rows.join('\n')}\n</tbody></table>`);
    } else {
      out.push(`<p>${run.lines.map((l, i) => inline(l.trim(), run.start + i)).join('<br>\n')}</p>`);
    }
  }
  return out.join('\n');
}

/**
 * The content as WordPress's block editor writes a post: each item title an `<h3>` (a wrapped title on one
 * heading), every other paragraph a `<p>` with its lines joined by `<br>`, and no empty spacer paragraphs —
 * the blank-line rhythm comes from the markup alone.
 */
export function renderBlockEditorPage(text: string): string {
  const doc = parseUpdate(text, 'render');
  const titles = new Map(doc.items.filter((i) => i.title !== '').map((i) => [i.lines.start, i.title]));
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length > 0) out.push(`<p>${run.map(escape).join('<br>')}</p>`);
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') {
      flush();
      continue;
    }
    const title = run.length === 0 ? titles.get(i + 1) : undefined;
    if (title === undefined) {
      run.push(line);
      continue;
    }
    // A title wrapped over several lines is one heading.
    let heading = line;
    while (heading.replace(/\s+/g, ' ') !== title && lines[i + 1]?.trim())
      heading += ` ${lines[++i]!.trim()}`;
    out.push(`<h3>${escape(heading)}</h3>`);
  }
  flush();
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Update</title></head><body class="single-post"><nav><a href="/">Home</a></nav><main><article><div class="entry-content">\n${out.join('\n')}\n</div></article></main><aside class="widget-area"><h2>Recent posts</h2><ul><li>UPDATE NO 3 3 March 2003</li></ul></aside><footer>© SESLIP</footer></body></html>`;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const indentOf = (line: string): number => /^\s*/.exec(line)![0].length;

export interface PageOptions {
  /** The post's title (the Update's headline by default). */
  title?: string;
  /** The charset the page declares in `<meta charset>`; the bytes are encoded in it. */
  charset?: string;
  /** Links to other posts shown in the sidebar and post navigation. */
  recent?: string[];
  links?: boolean;
}

/** A whole WordPress post page around the content, as the site serves it. */
export function renderPage(text: string, options: PageOptions = {}): string {
  const headline =
    text
      .split('\n')
      .find((l) => /^\s*update\s+no/i.test(l))
      ?.trim() ?? 'Update';
  const title = options.title ?? headline;
  const recent = options.recent ?? ['UPDATE NO 1 1 January 2010', 'Update no 2 8th January 2010'];
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="${options.charset ?? 'UTF-8'}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} &#8211; SESLIP</title>
<style>.entry-content p { margin: 0 0 1em; } /* UPDATE NO 9 9 September 2009 */</style>
<script>document.addEventListener('DOMContentLoaded', function () { document.title = 'UPDATE NO 7 7 July 2007'; });</script>
</head>
<body class="post-template-default single single-post postid-4242 single-format-standard">
<div id="cookie-notice" class="cookie-notice-container" role="dialog">We use cookies to make this site work. Meeting dates on Friday 1 March 2030 are not an Update. <a href="#" id="cn-accept-cookie">Accept</a></div>
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<div id="page" class="site">
<header id="masthead" class="site-header">
  <div class="site-branding"><p class="site-title"><a href="https://seslip.co.uk/">South East Sector Led Improvement Programme</a></p></div>
  <nav id="site-navigation" class="main-navigation"><ul><li><a href="/">Home</a></li><li><a href="/newsletters/">Newsletters</a></li><li><a href="/networks/">Networks</a></li><li><a href="/contact/">Contact Details</a></li></ul></nav>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area">
<main id="main" class="site-main">
<article id="post-4242" class="post-4242 post type-post status-publish format-standard hentry category-newsletters">
<header class="entry-header">
<h1 class="entry-title">${escape(title)}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published" datetime="2018-12-01T09:00:00+00:00">1 December 2018</time></span> <span class="byline">by <a href="/author/seslip/">Isabelle Gregory</a></span></div>
</header>
<div class="entry-content">
<!-- wp:paragraph -->
${renderContent(text, { links: options.links })}
<!-- /wp:paragraph -->
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="https://twitter.com/share">Twitter</a></li></ul></div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/newsletters/">Newsletters</a></span></footer>
</article>
<nav class="navigation post-navigation" aria-label="Posts"><div class="nav-links"><div class="nav-previous"><a href="/newsletters/previous/" rel="prev">${escape(recent[0]!)}</a></div></div></nav>
<!-- <p>UPDATE NO 8 8 August 2008</p> -->
</main>
</div>
<aside id="secondary" class="widget-area">
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>${recent.map((r) => `<li><a href="/newsletters/${slug(r)}/">${escape(r)}</a></li>`).join('')}</ul></section>
<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul><li><a href="/2018/11/">November 2018</a></li><li><a href="/2018/10/">October 2018</a></li></ul></section>
<section id="categories-2" class="widget widget_categories"><h2 class="widget-title">Categories</h2><ul><li><a href="/category/newsletters/">Newsletters</a></li></ul></section>
</aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">Contact Details<br>Programme Manager: Alex Footer (Nowhere Council)<br>alex.footer@example.org &copy; SESLIP</div></footer>
</div>
<script>window.dataLayer = [{ event: 'UPDATE NO 6 6 June 2006' }];</script>
</body>
</html>
`;
}

/** The page's bytes in its declared charset; characters that charset lacks become numeric references. */
export function pageBytes(html: string, charset = 'utf-8'): Buffer {
  if (/^utf-?8$/i.test(charset)) return Buffer.from(html, 'utf8');
  const safe = Array.from(html, (ch) =>
    iconv.decode(iconv.encode(ch, charset), charset) === ch ? ch : `&#${ch.codePointAt(0)};`,
  ).join('');
  return iconv.encode(safe, charset);
}

/** Quoted-printable (RFC 2045): lines of at most 76 characters, soft breaks `=`, CRLF kept as hard breaks. */
export function quotedPrintable(bytes: Buffer): string {
  const out: string[] = [];
  const lines = bytes.toString('latin1').split(/\r?\n/);
  for (const line of lines) {
    let encoded = '';
    const chars = Array.from(line, (ch, i) => {
      const code = ch.charCodeAt(0);
      const last = i === line.length - 1;
      if ((code >= 33 && code <= 126 && code !== 61) || (code === 32 && !last)) return ch;
      return `=${code.toString(16).toUpperCase().padStart(2, '0')}`;
    });
    let current = '';
    for (const piece of chars) {
      if (current.length + piece.length > 75) {
        encoded += `${current}=\r\n`;
        current = '';
      }
      current += piece;
    }
    out.push(encoded + current);
  }
  return out.join('\r\n');
}

const base64Lines = (bytes: Buffer): string => bytes.toString('base64').replace(/.{76}/g, '$&\r\n');

export interface EmailOptions {
  /** `alternative`: multipart/alternative, a text part and an HTML part, both quoted-printable. */
  shape: 'alternative' | 'base64-html' | 'charset-html';
  /** For `charset-html`: the charset of the HTML part (quoted-printable over its bytes). */
  charset?: string;
}

/** The Update as the subscriber e-mail: headers, then the message body in the shape asked for. */
export function renderEmail(text: string, options: EmailOptions): Buffer {
  const headline =
    text
      .split('\n')
      .find((l) => /^\s*update\s+no/i.test(l))
      ?.trim() ?? 'Update';
  const html = `<html><head><meta charset="utf-8"><style>p{margin:0}</style></head><body><div class="header">SESLIP Updates <a href="https://seslip.co.uk/unsubscribe">Unsubscribe</a></div><main>${renderContent(text)}</main><footer>You receive this because you subscribed. UPDATE NO 5 5 May 2005</footer></body></html>`;
  const head = [
    'Return-Path: <updates@seslip.co.uk>',
    'From: SESLIP Updates <updates@seslip.co.uk>',
    'To: subscriber@example.org',
    `Subject: ${headline}`,
    'Date: Fri, 30 Nov 2018 10:00:00 +0000',
    'Message-ID: <update@seslip.co.uk>',
    'MIME-Version: 1.0',
  ];
  let body: string[];
  if (options.shape === 'alternative') {
    const boundary = '----=_Part_0_seslip';
    body = [
      `Content-Type: multipart/alternative; boundary="${boundary}"`,
      '',
      'This is a multi-part message in MIME format.',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      quotedPrintable(Buffer.from(text, 'utf8')),
      `--${boundary}`,
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      quotedPrintable(Buffer.from(html, 'utf8')),
      `--${boundary}--`,
      '',
    ];
  } else if (options.shape === 'base64-html') {
    body = [
      'Content-Type: text/html; charset="utf-8"',
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(Buffer.from(html, 'utf8')),
      '',
    ];
  } else {
    const charset = options.charset ?? 'windows-1252';
    body = [
      `Content-Type: text/html; charset=${charset}`,
      'Content-Transfer-Encoding: quoted-printable',
      '',
      quotedPrintable(pageBytes(html.replace('charset="utf-8"', `charset="${charset}"`), charset)),
      '',
    ];
  }
  return Buffer.from([...head, ...body].join('\r\n'), 'latin1');
}
