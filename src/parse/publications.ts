import { findDate, findDates, resolveDate, type DateMention, type Ymd } from './dates.js';
import type { Publication } from './document.js';
import { firstSentence } from '../text/sentences.js';
import type { Line, Warn } from './lines.js';

/**
 * One Tools & Templates line as a publication. The lines follow a handful of shapes:
 *   on-date  "On 7 July Ofsted published Main findings: …", "On 19 July, DfE updated its … toolkit"
 *   titled   "X published by DfE 25 June 2020", "X published 7 July 2020 by the Children’s Commissioner",
 *            "X from Centre for Mental Health published 5 May 2020", "X was released on the 20 May 2018"
 *   source   "X – new report from the Centre for Mental Health 26 June 2020",
 *            "X briefing from Dr Camilla Parker on 20 May 2022", "X – Birmingham University 3 July 2020"
 *   has      "NSPCC has produced a briefing document …" (no date)
 * A line in none of these shapes is kept with only its title, and a warning.
 */

const VERBS = 'launched a consultation|published|updated|launched|released|approved|issued|produced';
const VERB = new RegExp(String.raw`\s(?:(?:was|were|has been|have been)\s+)?(${VERBS})\s+`, 'gi');
const ON_DATE_HEAD = /^on\s+(?:the\s+)?/i;
const ON_DATE_REST = new RegExp(String.raw`^[\s,]*(.+?)\s+(?:has\s+)?(${VERBS})\s+(.+)$`, 'i');
const HAS_VERB = new RegExp(String.raw`^(.+?)\s+has\s+(${VERBS})\s+(.+)$`, 'i');
const SOURCE_SUFFIX = /\s+(?:[–-]\s+)?(?:new\s+)?(?:report|briefing)\s+from\s+(.+?)(?:\s+on)?\s*$/i;
const DASH_SOURCE = /^(.+)\s+[–-]\s+(.+?)\s*$/;

export type PublicationShape = 'on-date' | 'titled' | 'source' | 'has';

export interface ReadPublication {
  /** The first (usually the only) document the line names. */
  publication: Publication;
  /** Every document the line names ("A and B Two NSPCC briefings" names two). */
  publications: Publication[];
  shape: PublicationShape | null;
}

/** A title ends where a clause about it begins: "guidance X which will come into force …", "X report is here". */
const HERE = /\s+(?:can be found|is|are)\s+here\b.*$/i;

function endTitle(title: string): string {
  const clause = /,?\s+(?:which|that)\s+/i.exec(title);
  const head =
    clause !== null && title.slice(0, clause.index).includes(' ') ? title.slice(0, clause.index) : title;
  return tidy(head.replace(HERE, ''));
}

const COUNT_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, '2': 2, '3': 3, '4': 4 };
/** "A and B Two NSPCC briefings": the count and who wrote them end the list of titles. */
const COUNTED = /^(.+?)\s+(two|three|four|[234])\s+(.+?)\s+(?:briefings|reports|papers|documents|guides)$/i;
const AND_TITLE = /\s+and\s+(?:the\s+)?(?=\p{Lu})/u;
const ENDS_IN_YEAR = /\b(?:19|20)\d{2}(?:[-–/](?:19|20)?\d{2})?$/;

/**
 * The titles one publication names, with the publisher a count suffix gives. A line names several
 * documents when it says how many, or when "and" joins titles that each end in their year.
 */
function splitDocuments(title: string): { titles: string[]; publisher: string | null } {
  const counted = COUNTED.exec(title);
  if (counted !== null) {
    const parts = (counted[1] ?? '').split(AND_TITLE);
    if (parts.length === COUNT_WORDS[(counted[2] ?? '').toLowerCase()])
      return { titles: parts.map(tidy), publisher: counted[3] ?? null };
  }
  const parts = title.split(AND_TITLE);
  if (parts.length > 1 && parts.every((p) => ENDS_IN_YEAR.test(p.trim())))
    return { titles: parts.map(tidy), publisher: null };
  return { titles: [title], publisher: null };
}

// "On 7 July the NAO published" drops the sentence's article; a capital "The" inside a sentence is the
// name's own ("– The Fostering Network"). A sentence's first word is capitalised anyway: any "The" goes.
const stripThe = (s: string): string => s.replace(/^the\s+/u, '');
const stripOpeningThe = (s: string): string => s.replace(/^the\s+/iu, '');
const tidy = (s: string): string => s.trim().replace(/[\s.,;:]+$/, '');

/** A title read after its verb: articles and possessives belong to the sentence, not the title. */
function titleAfterVerb(text: string, verb: string): string {
  let title = text.trim();
  if (/consultation/i.test(verb)) title = title.replace(/^on\s+/i, '');
  title = title.replace(/^(?:its|their|an?|the)\s+/i, '');
  // Only the first sentence names the publication ("Prof. Eamon" is not a sentence end).
  title = tidy(firstSentence(title));
  const quoted = /^[“"‘](.*)[”"’]$/.exec(title);
  return quoted?.[1] ?? title;
}

/** "from X" names a publisher only when X looks like a name: "learning from case reviews" does not. */
function splitFrom(title: string): { title: string; publisher: string | null } {
  const at = title.lastIndexOf(' from ');
  if (at === -1) return { title, publisher: null };
  const publisher = stripThe(title.slice(at + 6).trim());
  return /^\p{Lu}/u.test(publisher)
    ? { title: tidy(title.slice(0, at)), publisher }
    : { title, publisher: null };
}

/** The date written at `offset` (after an optional "on"/"the"), if any. */
function dateAt(text: string, offset: number): DateMention | undefined {
  const lead = /^\s*(?:on\s+)?(?:the\s+)?/i.exec(text.slice(offset))?.[0] ?? '';
  const mention = findDate(text.slice(offset + lead.length));
  return mention?.index === 0 ? { ...mention, index: offset + lead.length } : undefined;
}

interface Shape {
  title: string;
  publisher: string | null;
  verb: string | null;
  date: DateMention | null;
}

function readOnDate(text: string): Shape | null {
  const head = ON_DATE_HEAD.exec(text);
  if (head === null) return null;
  const date = dateAt(text, head[0].length);
  if (date === undefined) return null;
  const m = ON_DATE_REST.exec(text.slice(date.index + date.text.length));
  if (m === null) return null;
  const verb = (m[2] ?? '').toLowerCase();
  return { publisher: stripThe(tidy(m[1] ?? '')), verb, title: titleAfterVerb(m[3] ?? '', verb), date };
}

function readTitled(text: string): Shape | null {
  for (const m of text.matchAll(VERB)) {
    const verb = (m[1] ?? '').toLowerCase();
    const after = m.index + m[0].length;
    const title = tidy(text.slice(0, m.index));
    const by = /^by\s+/i.exec(text.slice(after));
    if (by !== null) {
      const rest = text.slice(after + by[0].length);
      const date = findDate(rest) ?? null;
      const publisher = date === null ? rest : rest.slice(0, date.index).replace(/\s+(?:on|the)\s*$/i, '');
      return { title, verb, publisher: stripThe(tidy(publisher)), date };
    }
    const date = dateAt(text, after);
    if (date === undefined) continue;
    const byAfter = /^\s*by\s+(.+)$/i.exec(text.slice(date.index + date.text.length));
    if (byAfter !== null) return { title, verb, publisher: stripThe(tidy(byAfter[1] ?? '')), date };
    return { ...splitFrom(title), verb, date };
  }
  return null;
}

/** Shapes that end with the date and name the source without a verb. */
function readSource(text: string): Shape | null {
  const date = findDates(text).at(-1);
  if (date === undefined || !/^[\s.]*$/.test(text.slice(date.index + date.text.length))) return null;
  const head = text.slice(0, date.index);
  const source = SOURCE_SUFFIX.exec(head);
  if (source !== null) {
    return {
      title: tidy(head.slice(0, source.index)),
      publisher: stripThe(tidy(source[1] ?? '')),
      verb: null,
      date,
    };
  }
  const dash = DASH_SOURCE.exec(head);
  if (dash === null) return null;
  return { title: tidy(dash[1] ?? ''), publisher: stripThe(tidy(dash[2] ?? '')), verb: null, date };
}

function readHas(text: string): Shape | null {
  const m = HAS_VERB.exec(text);
  if (m === null) return null;
  const verb = (m[2] ?? '').toLowerCase();
  return {
    publisher: stripOpeningThe(tidy(m[1] ?? '')),
    verb,
    title: titleAfterVerb(m[3] ?? '', verb),
    date: null,
  };
}

const READERS: [PublicationShape, (text: string) => Shape | null][] = [
  ['on-date', readOnDate],
  ['titled', readTitled],
  ['source', readSource],
  ['has', readHas],
];

/** Reads one line; `reference` is the Update's date, against which a missing year is resolved backwards. */
export function readPublication(line: Line, reference: Ymd, warn: Warn): ReadPublication {
  const raw = line.text.trim();
  for (const [shape, read] of READERS) {
    const found = read(raw);
    if (found === null || found.title === '') continue;
    const resolved = found.date === null ? null : resolveDate(found.date, reference, 'backward');
    if (resolved?.problem != null) warn(line.no, resolved.problem);
    const documents = splitDocuments(endTitle(found.title));
    const publisher =
      found.publisher === '' || found.publisher === null ? documents.publisher : found.publisher;
    const publications = documents.titles.map((title) => ({
      title,
      publisher,
      date: resolved?.iso ?? null,
      verb: found.verb,
      line: line.no,
      raw,
    }));
    return { shape, publication: publications[0] as Publication, publications };
  }
  warn(line.no, 'Tools & Templates line not read as a publication: no publisher, date or verb');
  const publication = {
    title: raw.replace(HERE, ''),
    publisher: null,
    date: null,
    verb: null,
    line: line.no,
    raw,
  };
  return { shape: null, publication, publications: [publication] };
}

export function readPublications(lines: Line[], reference: Ymd, warn: Warn): Publication[] {
  return lines
    .filter((l) => l.text.trim() !== '')
    .flatMap((l) => readPublication(l, reference, warn).publications);
}
