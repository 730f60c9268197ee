import { findDate, resolveDate } from './dates.js';
import type { LayoutName } from './document.js';
import { UpdateParseError } from './errors.js';
import { LAYOUTS, recognizeLayout } from './layouts.js';
import { isBlank, type Line, type Warn } from './lines.js';
import { MARKERS } from './markers.js';

/** "UPDATE NO 518 12 August 2022", "Update no 552 14th April 2023". */
const HEADLINE = /^\s*update\s+no\.?\s*(\d+)\b[\s,:–-]*(.*)$/i;

export interface Headline {
  number: number;
  date: string;
  text: string;
  line: number;
}

export function isHeadline(line: Line): boolean {
  return HEADLINE.test(line.text);
}

function readHeadline(line: Line, file: string): Headline {
  const m = HEADLINE.exec(line.text);
  const number = Number(m?.[1]);
  if (!Number.isSafeInteger(number) || number <= 0) {
    throw new UpdateParseError(
      file,
      line.no,
      'BAD_HEADLINE',
      `headline "${line.text.trim()}": issue number must be a positive integer`,
    );
  }
  const mention = findDate(m?.[2] ?? '');
  const resolved =
    mention?.year == null ? null : resolveDate(mention, { year: mention.year, month: 1, day: 1 }, 'forward');
  if (resolved?.iso == null) {
    throw new UpdateParseError(
      file,
      line.no,
      'BAD_HEADLINE',
      `headline "${line.text.trim()}" has no readable date (expected e.g. "12 August 2022")`,
    );
  }
  return { number, date: resolved.iso, text: line.text.trim(), line: line.no };
}

/** Known lines of the page furniture that precedes the first item. */
const PLAN_REFERENCE = /\bregional improvement plan\b.*\bcan be found here/i;
const BOILERPLATE = [
  /^newsletters\b/i,
  /^three children playing happily together/i,
  /^a brief summary of the main headlines/i,
  /^the main headlines and highlights/i,
  /^if you would like to know more about/i,
  /^if you have any news that you would like included/i,
  /^at seslip we are always/i,
  /\bimpact report\b/i,
  /^if you (?:would )?like to work for the programme/i,
  /^if you would like to apply to be a seslip consultant/i,
  MARKERS.updatesLabel,
  PLAN_REFERENCE,
];
const isBoilerplate = (line: Line): boolean => BOILERPLATE.some((re) => re.test(line.text.trim()));

export interface Front {
  headline: Headline;
  layout: LayoutName;
  planReferences: string[];
  /** The page's own sentences before the first item (header and intro), as lines; see `furnitureOf`. */
  furniture: string[];
  /** Index (into the lines array) of the first line of the body. */
  bodyStart: number;
}

// WordPress repeats the intro as an excerpt cut short with "[…]"; the full paragraph follows it.
const EXCERPT_CUT = /\[(?:…|\.\.\.)\]\s*$/u;

/**
 * The header and intro lines that say something ("please contact Richard Tyndall, SESLI Programme
 * Manager", "ESCC has advertised …"): every non-blank line of the front but labels and captions of
 * two words or fewer and the cut excerpt. They name people and bodies like any other text, but are
 * the page's, not an item's.
 */
function furnitureOf(front: Line[]): string[] {
  const lines = front
    .map((l) => l.text.trim())
    .filter((t) => t.split(/\s+/u).length > 2 && !EXCERPT_CUT.test(t));
  return [...new Set(lines)];
}

/**
 * Finds the headline, recognises the layout and finds where the items start. Updates copied from
 * the web carry the headline twice (page header, then body); everything before the second one is
 * page furniture. With a single headline the furniture is recognised line by line (2023–2025
 * pages: up to the "Updates" label or the first titled item) and the first other line opens the body.
 */
export function readFront(lines: Line[], file: string, warn: Warn): Front {
  const first = lines.findIndex(isHeadline);
  if (first === -1) {
    const firstText = lines.find((l) => !isBlank(l))?.no ?? 0;
    throw new UpdateParseError(
      file,
      firstText,
      'NO_HEADLINE',
      'not an Update: no "UPDATE NO <number> <date>" headline',
    );
  }
  const headline = readHeadline(lines[first] as Line, file);
  const again = lines.findIndex((l, i) => i > first && isHeadline(l));
  const front = again === -1 ? [] : lines.slice(first + 1, again);
  let bodyStart = again === -1 ? first + 1 : again + 1;
  if (again === -1) {
    while (
      bodyStart < lines.length &&
      (isBlank(lines[bodyStart] as Line) || isBoilerplate(lines[bodyStart] as Line))
    ) {
      front.push(lines[bodyStart] as Line);
      bodyStart++;
    }
  }
  const layout = recognizeLayout(headline.text, front, lines.slice(bodyStart));
  const start = again === -1 ? LAYOUTS[layout].bodyStart(lines, first + 1) : null;
  if (start !== null) {
    front.splice(0, front.length, ...lines.slice(first + 1, start));
    bodyStart = start;
  }
  for (const line of lines.slice(0, first)) {
    if (!isBlank(line)) warn(line.no, 'text before the headline skipped');
  }
  for (const line of front) {
    if (!isBlank(line) && !isBoilerplate(line))
      warn(line.no, 'unrecognised line before the first item skipped');
  }
  const planReferences = front.filter((l) => PLAN_REFERENCE.test(l.text)).map((l) => l.text.trim());
  return { headline, layout, planReferences, furniture: furnitureOf(front), bodyStart };
}
