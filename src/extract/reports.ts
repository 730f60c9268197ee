import type { Publication } from '../parse/document.js';
import { fromIso } from '../parse/dates.js';
import { readPublication } from '../parse/publications.js';
import { addEntity, addPerson, issueSource, type Context, type ItemRef } from './context.js';
import type { Source } from './graph.js';
import { reportNode, unknownOrganisationNode } from './nodes.js';
import { HONORIFIC, hasHonorific } from '../text/honorifics.js';
import { normaliseName } from '../text/names.js';
import type { NodeRef } from './records.js';
import { containsPhrase, itemSentences, wordCount } from './text.js';

/**
 * Publications: the Reports of the Tools & Templates list and of items that announce one
 * ("On 5 July DfE published …"), who published or wrote them, and the items that cite them.
 */

interface ReportRef {
  ref: NodeRef;
  title: string;
}

export function readReports(ctx: Context): void {
  const listed = ctx.doc.publications
    .filter(isPublication)
    .map((p) => addReport(ctx, p, issueSource(ctx, p.raw)));
  const announced = ctx.items.flatMap((item) => announcedReports(ctx, item, listed));
  const reports = [...listed, ...announced];
  for (const item of ctx.items) citeReports(ctx, item, reports);
}

/** The parser keeps a Tools & Templates line it could not read (and warns); such a line is no publication. */
const isPublication = (p: Publication): boolean => p.publisher !== null || p.date !== null || p.verb !== null;

function addReport(ctx: Context, publication: Publication, where: Source): ReportRef {
  const { title, author } = splitAuthor(publication.title);
  const ref = ctx.graph.node(
    reportNode({
      title,
      publishedOn: publication.date,
      kind: reportKind(publication, title),
      verb: publication.verb,
    }),
  );
  if (author !== null) ctx.graph.edge('AUTHORED_BY', ref, addPerson(ctx, author), where);
  const publisher = publication.publisher;
  if (publisher !== null && hasHonorific(publisher)) {
    // "… briefing from Dr Camilla Parker": a person, who wrote it rather than published it.
    ctx.graph.edge('AUTHORED_BY', ref, addPerson(ctx, publisher), where);
  } else if (publisher !== null) {
    linkPublisher(ctx, ref, publisher, publication.line, where);
  }
  return { ref, title };
}

const BY_AUTHOR = new RegExp(
  String.raw`\s+by\s+(${HONORIFIC}\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2})$`,
  'u',
);

/** "CHILDHOOD TRAUMA, THE BRAIN AND THE SOCIAL WORLD by Prof. Eamon McCrory" → title and author. */
function splitAuthor(title: string): { title: string; author: string | null } {
  const by = BY_AUTHOR.exec(title);
  return by === null ? { title, author: null } : { title: title.slice(0, by.index), author: by[1] ?? null };
}

/**
 * PUBLISHED_BY points at whatever the publisher resolves to: an Organisation, or a LocalAuthority
 * ("Kent County Council") or a Network, since data/ keeps no Organisation twin of those. A publisher
 * that does not resolve as a whole may name known bodies ("CPAG and others"); failing that it
 * becomes an Organisation named as written. Either way the line gets a warning.
 */
function linkPublisher(ctx: Context, report: NodeRef, publisher: string, line: number, where: Source): void {
  const entity = ctx.resolver.resolveEntity(publisher);
  if (entity !== undefined) {
    ctx.graph.edge('PUBLISHED_BY', report, addEntity(ctx, entity), where);
    return;
  }
  const named = ctx.resolver.findMentions(publisher);
  if (named.length > 0) {
    ctx.graph.warn(line, `publisher "${publisher}" read as ${named.map((m) => m.name).join(', ')}`);
    for (const m of named) ctx.graph.edge('PUBLISHED_BY', report, addEntity(ctx, m), where);
    return;
  }
  ctx.graph.warn(line, `publisher "${publisher}" is not in data/: kept as an Organisation named as written`);
  ctx.graph.edge('PUBLISHED_BY', report, ctx.graph.node(unknownOrganisationNode(publisher)), where);
}

/** Kinds of publication, recognised only where the Update's own words say so. */
const KINDS: [RegExp, string][] = [
  [/\bpress (?:statement|release)s?\b/gi, 'press statement'],
  [/\bcodes? of practice\b/gi, 'code of practice'],
  [/\bconsultations?\b/gi, 'consultation'],
  [/\btoolkits?\b/gi, 'toolkit'],
  [/\bbriefings?\b/gi, 'briefing'],
  [/\bguidance\b|\bguides?\b/gi, 'guidance'],
  [/\bstatistics\b|\bdata\b/gi, 'statistics'],
  [/\bplans?\b/gi, 'plan'],
  [/\breports?\b/gi, 'report'],
  [/\bsurveys?\b/gi, 'survey'],
  [/\bwebinars?\b/gi, 'webinar'],
  [/\bvideos?\b/gi, 'video'],
  [/\bprospectus\b/gi, 'prospectus'],
];

function kindsIn(text: string): { at: number; kind: string }[] {
  return KINDS.flatMap(([pattern, kind]) =>
    Array.from(text.matchAll(pattern), (m) => ({ at: m.index, kind })),
  );
}

/**
 * What the verb says ("launched a consultation"), else what the words after the title say
 * ("… briefing from Dr Camilla Parker"), else the title's head noun: its first word when it leads
 * ("guidance on Schools Causing Concern"), otherwise its last kind word ("… Peer Review Guidance").
 */
function reportKind(publication: Publication, title: string): string | null {
  const after =
    publication.raw.slice(publication.raw.indexOf(title) + title.length).split(/[.!?]\s/)[0] ?? '';
  const inTitle = kindsIn(title).sort((a, b) => a.at - b.at);
  const leading = inTitle.find((k) =>
    /^(?:(?:updated|new|revised|draft|an?|the)\s+)*$/i.test(title.slice(0, k.at)),
  );
  return (
    kindsIn(publication.verb ?? '')[0]?.kind ??
    kindsIn(after)[0]?.kind ??
    leading?.kind ??
    inTitle.at(-1)?.kind ??
    null
  );
}

/**
 * An item that announces a publication in its own words ("On 5 July DfE published Key Stage 2
 * attainment 2022 national headlines") cites it. When the sentence names a listed report, the
 * citation rule finds that one; otherwise the announced publication becomes a Report of its own.
 */
function announcedReports(ctx: Context, item: ItemRef, listed: ReportRef[]): ReportRef[] {
  const reference = fromIso(ctx.doc.issue.date);
  return itemSentences(item.item).flatMap((sentence) => {
    if (!/^On\s/.test(sentence) || listed.some((r) => citesIn(sentence, r.title))) return [];
    const problems: { line: number; message: string }[] = [];
    const line = item.item.lines.start;
    const read = readPublication({ no: line, text: sentence }, reference, (l, message) =>
      problems.push({ line: l, message }),
    );
    if (read.shape !== 'on-date') return [];
    for (const p of problems) ctx.graph.warn(p.line, p.message);
    const where = { source: item.ref.key, quote: sentence };
    const report = addReport(ctx, read.publication, where);
    ctx.graph.edge('CITES', item.ref, report.ref, where);
    return [report];
  });
}

/**
 * An item cites a report when its title is the report's title, or when one of its sentences
 * contains the report's title word for word. Titles under three words ("Update", "Guidance") are
 * too common to be found in running text, so they only count as a whole title.
 */
function citeReports(ctx: Context, item: ItemRef, reports: ReportRef[]): void {
  for (const report of reports) {
    if (normaliseName(item.item.title) === normaliseName(report.title)) {
      ctx.graph.edge('CITES', item.ref, report.ref, { source: item.ref.key, quote: item.item.title });
      continue;
    }
    const sentence = itemSentences(item.item).find((s) => citesIn(s, report.title));
    if (sentence !== undefined)
      ctx.graph.edge('CITES', item.ref, report.ref, { source: item.ref.key, quote: sentence });
  }
}

const citesIn = (sentence: string, title: string): boolean =>
  wordCount(title) >= 3 && containsPhrase(sentence, title);
