import { splitAuthorities, type KnownAuthorities } from './authorities.js';
import { findDate, findDates, resolveDate, toIso, type DateMention, type Ymd } from './dates.js';
import type { Meeting } from './document.js';
import { contentLines } from './items.js';
import type { RawItem } from './body.js';
import { BULLET, isBlank, type Line, type Warn } from './lines.js';

/**
 * Meetings come from two places: every line of a network-dates / key-dates item, and a few
 * recognisable announcements inside ordinary items (a dated title, a network's list of dates,
 * triad challenge days, named event bullets). Free-text dates in body paragraphs are left alone.
 */

const MORE_FROM =
  /[\s.,;]*\bmore\s+(?:information\s+)?from\s+(.+?)\s*(?:\((?:contact\s+)?details\s+below\)\s*)?[.\s]*$/i;
/** "AD EducationFriday 14 October": a link's text ran into the next word. */
const GLUED_WEEKDAY = /([a-z])((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)/g;
const CLOCK = String.raw`\d{1,2}(?:[:.]\d{2})?`;
const AMPM = String.raw`\s*[ap]\.?m\b`;
// Ranges first so that "11am-12.30pm" is one time, not "11am"; a bare number is never a time.
const TIME = new RegExp(
  String.raw`(?<![\w.:])(?:at\s+)?(?<time>${CLOCK}(?:${AMPM})?\s*[-–]\s*${CLOCK}${AMPM}|\d{1,2}[:.]\d{2}\s*[-–]\s*\d{1,2}[:.]\d{2}|\d{4}\s*[-–]\s*\d{4}|${CLOCK}${AMPM}|\d{1,2}:\d{2})(?![\w:])`,
  'i',
);
const TRIAD = /^(triad\s+\d+)\s*[–-]\s*(.+)$/i;
const NAMED_EVENT = /^([^:]{1,40}):\s+(.+)$/;
const DATES_FOR = /^(.+?)\s*[–-]\s*dates\s+for\s+\d{4}$/i;
const DEADLINE = /\b(?:by|until|before|from)\s+$/i;
/** "at the SE ADCS meeting on 7 December 2018": a named meeting in prose, its name in capitals. */
const NAMED_MEETING =
  /\b(?:the|our|a)\s+((?:(?:\p{Lu}[\p{L}’'&-]*|of|and|for)\s+){0,5}\p{Lu}[\p{L}’'&-]*)\s+(?:meeting|conference|summit|forum|seminar|workshop)\s+on\s+$/u;

export interface MeetingContext {
  reference: Ymd;
  warn: Warn;
  /** Names kept whole when a participants list is split (see authorities.ts). */
  authorities: KnownAuthorities | undefined;
}

/** Strips the separators, quote marks and dangling prepositions left around a piece once date and time are cut out. */
function tidyPiece(piece: string): string {
  let out = piece;
  for (let previous = ''; previous !== out;) {
    previous = out;
    out = out
      .trim()
      .replace(/^[\s.,;:–—″”"-]+|[\s.,;:–—″”"-]+$/g, '')
      .replace(/\s+(?:also\s+)?(?:on|at)$/i, '');
  }
  return out;
}

interface WhenAndWhat {
  date: DateMention | null;
  time: string | null;
  topic: string | null;
}

/** The date, the time and whatever remains (the topic) of a meeting's text. */
function readWhenAndWhat(text: string): WhenAndWhat {
  const date = findDate(text) ?? null;
  // The time usually follows the date ("Friday 14 October 10:00am") but may precede it ("10.30am 19 July 2021").
  const pieces =
    date === null ? [text] : [text.slice(0, date.index), text.slice(date.index + date.text.length)];
  let time: string | null = null;
  for (const k of pieces.length === 2 ? [1, 0] : [0]) {
    const piece = pieces[k] ?? '';
    const m = TIME.exec(piece);
    if (m === null) continue;
    time = m.groups?.time ?? null;
    pieces.splice(k, 1, piece.slice(0, m.index), piece.slice(m.index + m[0].length));
    break;
  }
  const topic = pieces.map(tidyPiece).filter((p) => p !== '');
  return { date, time, topic: topic.length === 0 ? null : topic.join(' ') };
}

function meeting(
  network: string,
  when: WhenAndWhat,
  line: Line,
  item: string | null,
  ctx: MeetingContext,
  extra: Partial<Pick<Meeting, 'contact' | 'participants'>> = {},
): Meeting {
  let date: string | null = null;
  if (when.date === null) {
    ctx.warn(line.no, `no date for "${network}": not read as a meeting`);
  } else {
    const resolved = resolveDate(when.date, ctx.reference, 'forward');
    if (resolved.problem !== null) ctx.warn(line.no, resolved.problem);
    date = resolved.iso;
  }
  return {
    network,
    date,
    dateText: when.date?.text ?? '',
    time: when.time,
    topic: when.topic,
    contact: extra.contact ?? null,
    participants: extra.participants ?? [],
    item,
    line: line.no,
    raw: line.text.trim(),
  };
}

/** "Network: date time topic. More from X (contact details below)", in its many spellings. */
export function readNetworkLine(line: Line, item: string | null, ctx: MeetingContext): Meeting {
  const text = line.text.trim();
  const more = MORE_FROM.exec(text);
  const head = (more === null ? text : text.slice(0, more.index)).replace(GLUED_WEEKDAY, '$1 $2');
  const date = findDate(head);
  const colon = head.indexOf(':');
  let network = '';
  let rest = head;
  if (colon > 0 && (date === undefined || colon < date.index))
    [network, rest] = [head.slice(0, colon), head.slice(colon + 1)];
  else if (date !== undefined && date.index > 0)
    [network, rest] = [head.slice(0, date.index), head.slice(date.index)];
  const when = readWhenAndWhat(rest);
  network = tidyPiece(network);
  // A key date without a network ("22 March – Regional Improvement Summit") is named by its event.
  if (network === '' && when.topic !== null) [network, when.topic] = [when.topic, null];
  if (network === '') ctx.warn(line.no, 'dates line without a network or event name');
  return meeting(network, when, line, item, ctx, { contact: more?.[1] ?? null });
}

/** A date in the item's title makes the item an event, unless it is a deadline or a document's date. */
function titleEvent(raw: RawItem, lines: Line[], ctx: MeetingContext): Meeting | null {
  const mention = findDate(raw.title);
  if (mention === undefined || DEADLINE.test(raw.title.slice(0, mention.index))) return null;
  const titleLine = { no: raw.start, text: raw.title };
  const network =
    tidyPiece(raw.title.slice(0, mention.index)) ||
    tidyPiece(raw.title.slice(mention.index + mention.text.length));
  let date = mention;
  const bodyDates = lines.flatMap((l) => findDates(l.text).map((d) => ({ d, line: l })));
  const iso = resolveDate(mention, ctx.reference, 'forward').iso;
  if (mention.year !== null && iso !== null && iso < toIso(ctx.reference)) {
    const later = bodyDates.find(
      ({ d }) => d.day === mention.day && d.month === mention.month && (d.year ?? 0) > (mention.year ?? 0),
    );
    if (later === undefined) {
      ctx.warn(
        raw.start,
        `title date "${mention.text}" is before the Update: read as a document's date, not an event`,
      );
      return null;
    }
    ctx.warn(
      raw.start,
      `title date "${mention.text}" is before the Update; line ${later.line.no} gives "${later.d.text}", used instead`,
    );
    date = later.d;
  }
  // The time is usually given in the body, right after the same day and month.
  let time: string | null = null;
  for (const { d, line } of bodyDates) {
    if (d.day !== mention.day || d.month !== mention.month) continue;
    const after = line.text.slice(d.index + d.text.length);
    const m = TIME.exec(after.replace(/^[\s,]*(?:from\s+)?/i, ''));
    if (m?.index === 0) {
      time = m.groups?.time ?? null;
      break;
    }
  }
  const when = { date: { ...date, text: mention.text }, time, topic: null };
  return meeting(network, when, titleLine, raw.title, ctx);
}

/** Meetings announced on single lines of an ordinary item. */
function lineEvent(
  line: Line,
  raw: RawItem,
  listNetwork: string | null,
  ctx: MeetingContext,
): Meeting | null {
  const bullet = BULLET.exec(line.text)?.groups?.text;
  const isBullet = bullet !== undefined;
  const text = (bullet ?? line.text).trim();
  const date = findDate(text);
  if (date === undefined) return null;
  if (listNetwork !== null) {
    return isBullet && date.index === 0
      ? meeting(listNetwork, readWhenAndWhat(text), line, raw.title, ctx)
      : null;
  }
  const triad = TRIAD.exec(text);
  if (triad !== null) {
    const rest = triad[2] ?? '';
    const restDate = findDate(rest);
    if (restDate === undefined) return null;
    const participants = splitAuthorities(tidyPiece(rest.slice(0, restDate.index)), ctx.authorities);
    const when = { date: restDate, time: readWhenAndWhat(rest).time, topic: 'triad challenge day' };
    return meeting(tidyPiece(triad[1] ?? ''), when, line, raw.title, ctx, { participants });
  }
  const prose = NAMED_MEETING.exec(text.slice(0, date.index));
  if (!isBullet && prose !== null) {
    return meeting(tidyPiece(prose[1] ?? ''), readWhenAndWhat(text.slice(date.index)), line, raw.title, ctx);
  }
  const named = NAMED_EVENT.exec(text);
  if (isBullet && named !== null && /\bon\s+$/i.test(text.slice(0, date.index))) {
    return meeting(tidyPiece(named[1] ?? ''), readWhenAndWhat(named[2] ?? ''), line, raw.title, ctx);
  }
  return null;
}

export interface ReadMeetings {
  meetings: Meeting[];
  /** Dates-list lines that name a network without any date: not meetings, but their "More from X" still names a contact. */
  undated: Meeting[];
}

export function readMeetings(items: RawItem[], ctx: MeetingContext): ReadMeetings {
  const meetings: Meeting[] = [];
  for (const raw of items) {
    const lines = contentLines(raw).filter((l) => !isBlank(l));
    if (raw.section === 'network-dates' || raw.section === 'key-dates') {
      meetings.push(...lines.map((l) => readNetworkLine(l, raw.title, ctx)));
      continue;
    }
    const fromTitle = titleEvent(raw, lines, ctx);
    if (fromTitle !== null) meetings.push(fromTitle);
    const listNetwork = DATES_FOR.exec(raw.title)?.[1]?.trim() ?? null;
    for (const line of lines) {
      const found = lineEvent(line, raw, listNetwork, ctx);
      // The body often repeats the date of the event its title announces.
      if (found !== null && found.date !== fromTitle?.date) meetings.push(found);
    }
  }
  meetings.sort((a, b) => a.line - b.line);
  const undated = (m: Meeting): boolean => m.dateText === '';
  return { meetings: meetings.filter((m) => !undated(m)), undated: meetings.filter(undated) };
}
