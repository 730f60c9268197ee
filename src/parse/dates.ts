/**
 * Dates as the Updates write them: "12 August 2022", "14th April 2023", "Friday 30 September",
 * "Wed 26 May", "Tuesday May 18". Finding a date and resolving it to ISO are separate steps,
 * because a missing year resolves forwards for meetings and backwards for publications.
 */

export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const MONTH = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;
const WEEKDAY = String.raw`(?<weekday>mon|tue(?:s)?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+`;
// A 3-digit "year" is kept so that a typo such as "26 March 202" can be reported rather than dropped;
// the lookahead stops a time ("10.30am", "12:00") from being read as a year.
const YEAR = String.raw`(?<yearPart>,?\s+(?<year>\d{3,4})(?![\d:]|\.\d|\s*[ap]\.?m))?`;
const DAY = String.raw`(?<day>\d{1,2})(?:st|nd|rd|th)?`;

const DAY_FIRST = new RegExp(
  String.raw`(?<![\p{L}\d])(?:${WEEKDAY})?${DAY}\s+(?:of\s+)?(?<month>${MONTH})\.?(?![\p{L}])${YEAR}`,
  'giu',
);
// Month-first only after a weekday ("Tuesday May 18"): on its own "May 18" is too often something else.
const MONTH_FIRST = new RegExp(
  String.raw`(?<![\p{L}\d])${WEEKDAY}(?<month>${MONTH})\.?\s+${DAY}(?![\p{L}\d])${YEAR}`,
  'giu',
);

export interface DateMention {
  /** Offset of the mention in the searched text, and the mention as written. */
  index: number;
  text: string;
  day: number;
  /** 1-12 */
  month: number;
  /** null when no year was written, or when what was written is not a plausible year (see `yearText`). */
  year: number | null;
  /** The digits written after the month when they are not a plausible year ("202"), else null. */
  badYear: string | null;
  /** 0 = Sunday … 6 = Saturday, as written, or null. */
  weekday: number | null;
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  return MONTH_NAMES.findIndex((m) => m.startsWith(lower.slice(0, 3))) + 1;
}

function weekdayNumber(name: string): number {
  const lower = name.toLowerCase().slice(0, 2);
  return WEEKDAY_NAMES.findIndex((w) => w.toLowerCase().startsWith(lower));
}

function toMention(m: RegExpExecArray): DateMention {
  const g = m.groups ?? {};
  const yearText = g.year;
  let text = m[0];
  let year: number | null = null;
  let badYear: string | null = null;
  if (yearText !== undefined) {
    const n = Number(yearText);
    if (yearText.length === 4 && n >= 1900 && n <= 2099) year = n;
    else if (yearText.length === 3 && /^(19|20)/.test(yearText)) badYear = yearText;
    // Any other number after the month (a 24-hour time such as 1600) is not part of the date.
    else text = text.slice(0, text.length - (g.yearPart ?? '').length);
  }
  return {
    index: m.index,
    text,
    day: Number(g.day),
    month: monthNumber(g.month ?? ''),
    year,
    badYear,
    weekday: g.weekday === undefined ? null : weekdayNumber(g.weekday),
  };
}

/** Every date mentioned in `text`, in order of appearance, without overlaps. */
export function findDates(text: string): DateMention[] {
  // Both shapes have a day in digits; most lines the parser asks about have no digit at all.
  if (!/\d/u.test(text)) return [];
  const found = [...text.matchAll(DAY_FIRST), ...text.matchAll(MONTH_FIRST)]
    .map(toMention)
    .sort((a, b) => a.index - b.index);
  const result: DateMention[] = [];
  for (const mention of found) {
    const last = result.at(-1);
    if (last === undefined || mention.index >= last.index + last.text.length) result.push(mention);
  }
  return result;
}

export const findDate = (text: string): DateMention | undefined => findDates(text)[0];

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function isCalendarDate({ year, month, day }: Ymd): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function toIso({ year, month, day }: Ymd): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function weekdayOf({ year, month, day }: Ymd): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export const weekdayName = (n: number): string => WEEKDAY_NAMES[n] ?? '?';

/** Reads an ISO date back, for the Update's own date used as the reference point. */
export function fromIso(iso: string): Ymd {
  const [year = 0, month = 0, day = 0] = iso.split('-').map(Number);
  return { year, month, day };
}

/** `iso` is null when the date cannot be resolved; `problem` explains that, or a suspicious but resolved date. */
export interface Resolved {
  iso: string | null;
  problem: string | null;
}

/**
 * A mention as an ISO date. A missing year is taken relative to `reference` (the Update's date):
 * `forward` gives the next such date on or after it (announced meetings), `backward` the latest
 * on or before it (publications). A stated weekday that disagrees is reported, not corrected,
 * because the day and month are more often right than the weekday.
 */
export function resolveDate(
  mention: DateMention,
  reference: Ymd,
  direction: 'forward' | 'backward',
): Resolved {
  if (mention.badYear !== null) {
    return { iso: null, problem: `year "${mention.badYear}" in "${mention.text}" cannot be read` };
  }
  let year = mention.year;
  if (year === null) {
    const sameYear = mention.month * 100 + mention.day;
    const ref = reference.month * 100 + reference.day;
    year = reference.year;
    if (direction === 'forward' && sameYear < ref) year++;
    if (direction === 'backward' && sameYear > ref) year--;
  }
  const ymd = { year, month: mention.month, day: mention.day };
  if (!isCalendarDate(ymd)) return { iso: null, problem: `"${mention.text}" is not a calendar date` };
  if (mention.weekday !== null && weekdayOf(ymd) !== mention.weekday) {
    return {
      iso: toIso(ymd),
      problem: `"${mention.text}": ${toIso(ymd)} is a ${weekdayName(weekdayOf(ymd))}, not a ${weekdayName(mention.weekday)}; kept the day and month as written`,
    };
  }
  return { iso: toIso(ymd), problem: null };
}
