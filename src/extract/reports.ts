import type { Publication } from '../parse/document.js';
import { fromIso } from '../parse/dates.js';
import { readPublication } from '../parse/publications.js';
import { addEntity, addPerson, issueSource, type Context, type ItemRef } from './context.js';
import type { Source } from './graph.js';
import { reportNode, unknownOrganisationNode } from './nodes.js';
import { HONORIFIC, hasHonorific } from '../text/honorifics.js';
import { normaliseName } from '../text/names.js';
import { cleanTitle, sameDocument } from './titles.js';
import { MIN_SCORE, tidySpan } from './proposed-names.js';
import { nameShaped } from './prose-people.js';
import type { NodeRef } from './records.js';
import { containsPhrase, itemSentences, wordCount } from './text.js';

/**
 * Publications: the Reports of the Tools & Templates list and of items that announce one
 * ("On 5 July DfE published …"), who published or wrote them, and the items that cite them.
 */

interface ReportRef {
  ref: NodeRef;
  title: string;
  /** The publisher as filed (normalised canonical name), "" when none was named. */
  publisher: string;
  /** The link on its title, when the Update was read from a web page or e-mail. */
  url?: string;
}

export function readReports(ctx: Context): void {
  const reports: ReportRef[] = [];
  for (const line of ctx.doc.publications) {
    const publication = isPublication(line) ? line : seslipDocument(line);
    if (publication === undefined) continue;
    for (const title of splitTitles(publication.title)) {
      reports.push(addReport(ctx, { ...publication, title }, issueSource(ctx, line.raw), reports));
    }
  }
  for (const item of ctx.items) reports.push(...announcedReports(ctx, item, reports));
  for (const item of ctx.items) citeDescribedReports(ctx, item, reports);
  for (const item of ctx.items) citeReports(ctx, item, reports);
}

/** The parser keeps a Tools & Templates line it could not read (and warns); such a line is no publication. */
const isPublication = (p: Publication): boolean => p.publisher !== null || p.date !== null || p.verb !== null;

// "We have produced a Regional Improvement Plan which will underpin activities in 2020-2021": SESLIP
// writing of its own document; "SESLIP Leadership Development Prospectus": one by its name.
const WE_PRODUCED = /^We have (produced|published|launched|issued|updated)\s+(?:a|an|the|our)\s+(.+)$/u;
const SESLIP_TITLE =
  /^(?:SESLIP|SESLI)\b.*\b(?:Prospectus|Plan|Memorandum of Understanding|MoU|Scorecard|Framework|Guide)$/u;
const YEAR_RANGE = /\b(?:19|20)\d\d[-–](?:(?:19|20)\d\d|\d\d)\b/u;
const SESLIP = 'South East Sector-Led Improvement Programme';

/** A line the parser could not read as a publication may still be one of SESLIP's own documents. */
function seslipDocument(line: Publication): Publication | undefined {
  const produced = WE_PRODUCED.exec(line.raw);
  if (produced !== null) {
    const title = cleanTitle(produced[2]!);
    const years = YEAR_RANGE.exec(line.raw)?.[0];
    const dated = years === undefined || title.includes(years) ? title : `${title} ${years}`;
    return { ...line, title: dated, publisher: SESLIP, verb: produced[1]! };
  }
  return SESLIP_TITLE.test(line.raw.trim()) ? { ...line, publisher: SESLIP } : undefined;
}

/**
 * "Regional Improvement Plan 2022-2023 and the SE19 SEND Regional Improvement Plan 2022-2023" is two
 * documents: a title that joins two titles with "and the", each naming a kind of document.
 */
function splitTitles(title: string): string[] {
  const parts = title.split(/\s+and\s+the\s+/u);
  return parts.length === 2 && parts.every((part) => wordCount(part) >= 3 && kindsIn(part).length > 0)
    ? parts
    : [title];
}

/** A publisher as filed: the canonical name of what it resolves to, else its words. */
const publisherKey = (ctx: Context, publisher: string | null): string =>
  publisher === null ? '' : normaliseName(ctx.resolver.resolveEntity(publisher)?.entry.name ?? publisher);

/**
 * The Report a publication names: one already read in this Update when the titles name one
 * document (sameDocument) and the publishers agree, with a warning that says why; else a new one.
 */
function addReport(ctx: Context, publication: Publication, where: Source, earlier: ReportRef[]): ReportRef {
  const { title: written, author } = splitAuthor(publication.title);
  const title = cleanTitle(written);
  // "On 1 July SESLIP Steering Group approved the Regional Improvement Plan": who approves a document
  // did not publish it; the sentence still names (and cites) the document.
  const publishedBy = APPROVAL.test(publication.verb ?? '') ? null : publication.publisher;
  const publisher = publisherKey(ctx, publishedBy);
  // The same address is the same document whatever its titles say; addresses are compared before titles.
  const url = publication.url;
  const sameUrl = url === undefined ? undefined : earlier.find((report) => report.url === url);
  if (sameUrl !== undefined) return sameUrl;
  for (const report of earlier) {
    const reason = sameDocument(title, report.title);
    if (reason === null || (publisher !== '' && report.publisher !== '' && publisher !== report.publisher))
      continue;
    if (reason !== 'the same words')
      ctx.graph.warn(publication.line, `"${title}" is the report "${report.title}": ${reason}`);
    if (url === undefined || report.url !== undefined) return report;
    // Read first without a link (an item's sentence), then linked (its Tools & Templates line): it keeps the link.
    ctx.graph.node({ label: 'Report', key: report.ref.key, props: { url } });
    return { ...report, url };
  }
  const ref = ctx.graph.node(
    reportNode({
      title,
      publishedOn: publication.date,
      kind: reportKind(publication, title),
      verb: publication.verb,
      ...(url === undefined ? {} : { url }),
    }),
  );
  if (author !== null) ctx.graph.edge('AUTHORED_BY', ref, addPerson(ctx, author), where);
  const person = publishedBy === null ? undefined : personPublishing(ctx, publishedBy, where.quote);
  if (person !== undefined) {
    // "… briefing from Dr Camilla Parker", "On 5 November, Becky Francis launched …": a person, who
    // wrote or launched it rather than published it.
    ctx.graph.edge('AUTHORED_BY', ref, addPerson(ctx, person), where);
  } else if (publishedBy !== null) {
    linkPublisher(ctx, ref, publishedBy, publication.line, where);
  }
  return url === undefined ? { ref, title, publisher } : { ref, title, publisher, url };
}

/** Lower-case words, for comparing a link's anchor text with a title. */
const anchorWords = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The link of an item whose anchor text is the title (or holds it): a report named in a linked sentence. */
function linkedUrl(item: ItemRef, title: string): string | undefined {
  const wanted = anchorWords(cleanTitle(title));
  if (wanted === '') return undefined;
  return item.item.links?.find((link) => {
    const anchor = anchorWords(link.text);
    return (
      anchor === wanted || anchor.includes(wanted) || (wordCount(anchor) >= 3 && wanted.includes(anchor))
    );
  })?.url;
}

/**
 * The person a publisher names, if it is one: an honorific says so, or the statistical reader read a
 * person where the publisher begins ("Heidi Connor, Senior Coroner for Berkshire") and data/ knows no
 * body of that name.
 */
function personPublishing(ctx: Context, publisher: string, sentence: string): string | undefined {
  if (hasHonorific(publisher)) return publisher;
  const person = (ctx.names.get(sentence) ?? [])
    .filter((span) => span.label === 'PERSON' && span.score >= MIN_SCORE)
    .map((span) => tidySpan(span.text))
    .find((name) => publisher === name || publisher.startsWith(`${name},`));
  return person !== undefined && nameShaped(person) && ctx.resolver.resolveEntity(person) === undefined
    ? person
    : undefined;
}

const APPROVAL = /^(?:approved|agreed|endorsed|ratified|adopted|signed off)$/iu;

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

/** Any kind's words: a text with none is not searched kind by kind. */
const ANY_KIND = new RegExp(KINDS.map(([pattern]) => pattern.source).join('|'), 'i');

function kindsIn(text: string): { at: number; kind: string }[] {
  if (!ANY_KIND.test(text)) return [];
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
    // "On 20 November SIGOMA published its analysis of children's services spend": a description of
    // a document, not its title (a title opens with a capital); no Report is made of it.
    if (read.shape !== 'on-date' || describes(read.publication)) return [];
    for (const p of problems) ctx.graph.warn(p.line, p.message);
    const where = { source: item.ref.key, quote: sentence };
    return splitTitles(read.publication.title).map((title) => {
      const url = linkedUrl(item, title);
      const publication = { ...read.publication, title, ...(url === undefined ? {} : { url }) };
      const report = addReport(ctx, publication, where, listed);
      ctx.graph.edge('CITES', item.ref, report.ref, where);
      return report;
    });
  });
}

// "Internet Matters has published Refuge and Risk: …", "The Timpson review of school exclusion was
// published by the DfE on 7 April": a publication named in a sentence that does not open with its date.
const PUBLISHED =
  /^(?:The\s+)?(.+?)\s+(?:has\s+|have\s+)?(published|launched|released|issued|produced)\s+(.+)$/u;
const PUBLISHED_BY =
  /^(?:The\s+)?(.+?)\s+(?:was|were|has been|have been)\s+(published|launched|released|issued)\s+by\s+(?:the\s+)?(.+?)(?:\s+on\s+.*)?\.?$/u;
// The object of "published" describes the document rather than naming it: "a briefing on …", "its first annual report".
const DESCRIBED = /^(?:a|an|new|its|their|his|her|our|further|more|some)\b|^\p{Ll}/u;
/** Whether a publication line's object, as the sentence writes it after the verb, describes the document. */
const describes = ({ raw, verb }: Publication): boolean => {
  const at = verb === null ? -1 : raw.indexOf(`${verb} `);
  // "the EEF's updated Pupil Premium Guide": the sentence's article before a title is no description.
  return at !== -1 && DESCRIBED.test(raw.slice(at + verb!.length + 1).replace(/^the\s+(?=\p{Lu})/u, ''));
};
// Where the title ends in the sentence: before a clause, a date or a dash.
const TITLE_END =
  /,\s|\s+(?:on|in)\s+(?:\d|the\s+\d|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)|\s+[–-]\s|\.$/u;

/**
 * An item sentence that says a body published something: a titled publication cites the report of
 * that title (a new Report when this Update has none that is the same document); a described one
 * ("The Children's Commissioner has published a briefing on …") cites the one report this Update
 * lists from that publisher, and is warned when there is not exactly one. The publisher must be a
 * body this Update or data/ knows: "The government has published …" names no one.
 */
function citeDescribedReports(ctx: Context, item: ItemRef, reports: ReportRef[]): void {
  for (const sentence of itemSentences(item.item)) {
    if (/^On\s/u.test(sentence)) continue;
    const read = readPublishedSentence(sentence);
    if (read === undefined) continue;
    const publisher = publisherKey(ctx, read.publisher);
    const known =
      ctx.resolver.resolveEntity(read.publisher) !== undefined ||
      reports.some((r) => r.publisher === publisher);
    if (!known) continue;
    const where = { source: item.ref.key, quote: sentence };
    if (DESCRIBED.test(read.object)) {
      const theirs = [...new Set(reports.filter((r) => r.publisher === publisher))];
      if (theirs.length === 1) ctx.graph.edge('CITES', item.ref, theirs[0]!.ref, where);
      else
        ctx.graph.warn(
          item.item.lines.start,
          `"${read.publisher}" publishes a document described, not named, and this Update lists ${theirs.length} from them: no citation`,
        );
      continue;
    }
    const title = cleanTitle(read.object.split(TITLE_END)[0]!.replace(/^(?:the)\s+/iu, ''));
    if (wordCount(title) < 3) continue;
    const url = linkedUrl(item, title);
    const publication = {
      title,
      publisher: read.publisher,
      date: null,
      verb: read.verb,
      line: item.item.lines.start,
      raw: sentence,
      ...(url === undefined ? {} : { url }),
    };
    const report = addReport(ctx, publication, where, reports);
    if (!reports.includes(report)) reports.push(report);
    ctx.graph.edge('CITES', item.ref, report.ref, where);
  }
}

function readPublishedSentence(
  sentence: string,
): { publisher: string; verb: string; object: string } | undefined {
  const passive = PUBLISHED_BY.exec(sentence);
  if (passive !== null) return { publisher: passive[3]!, verb: passive[2]!, object: passive[1]! };
  const active = PUBLISHED.exec(sentence);
  if (active === null) return undefined;
  return { publisher: active[1]!, verb: active[2]!, object: active[3]!.replace(/^(?:the)\s+/iu, '') };
}

/**
 * An item cites a report when its title is the report's title, or when one of its sentences
 * contains the report's title word for word. Titles under three words ("Update", "Guidance") are
 * too common to be found in running text, so they only count as a whole title.
 */
function citeReports(ctx: Context, item: ItemRef, reports: ReportRef[]): void {
  const sentences = itemSentences(item.item);
  for (const report of reports) {
    if (normaliseName(item.item.title) === normaliseName(report.title)) {
      ctx.graph.edge('CITES', item.ref, report.ref, { source: item.ref.key, quote: item.item.title });
      continue;
    }
    const sentence = citingSentence(sentences, report.title);
    if (sentence !== undefined)
      ctx.graph.edge('CITES', item.ref, report.ref, { source: item.ref.key, quote: sentence });
  }
}

const citesIn = (sentence: string, title: string): boolean =>
  wordCount(title) >= 3 && containsPhrase(sentence, title);

/** The first of the sentences that cites the title (citesIn), the title's words counted once. */
const citingSentence = (sentences: readonly string[], title: string): string | undefined =>
  wordCount(title) >= 3 ? sentences.find((s) => containsPhrase(s, title)) : undefined;
