import { normaliseName } from '../text/names.js';

/**
 * Report titles: the clean title of a publication as the sentence around it gives it, and the
 * rule that says when two titles name one document.
 */

// A clause after the title says something about the document, not what it is called:
// "guidance on Schools Causing Concern which will come into force on 1 September 2022".
const TRAILING_CLAUSE =
  /,?\s+(?:which|that)\s+(?:will|closes?|applies|apply|comes?|came|is|are|was|were|sets?|extends?|has|have|can|underpins?)\b.*$/u;
// Words before the title say what kind of document it is: "The revised guidance Keeping Children Safe…".
const LEADING_DESCRIPTION =
  /^(?:[Tt]he\s+)?(?:(?:[Rr]evised|[Uu]pdated|[Nn]ew|[Ll]atest|[Dd]raft)\s+)+(?:(?:guidance|version\s+of|edition\s+of)\s+(?=\p{Lu}))?/u;

// What is left of "X: a briefing from Y" once the parser has taken "briefing from Y".
const DANGLING_ARTICLE = /[\s:,;–-]+(?:a|an|the)$/iu;

/** The title less the words of the sentence around it; "" stays "". */
export function cleanTitle(title: string): string {
  const tidy = title.replace(/\s+/gu, ' ').trim();
  const clean = tidy
    .replace(TRAILING_CLAUSE, '')
    .replace(LEADING_DESCRIPTION, '')
    .replace(DANGLING_ARTICLE, '')
    .trim();
  return clean === '' ? tidy : clean;
}

// Words that make another version of a document, not another name of it.
const VERSION_WORDS = new Set(
  'draft consultation summary response annex appendix interim final revised update updated easy read technical'.split(
    ' ',
  ),
);
const MIN_SHARED_WORDS = 3;

/** "2022-2023" and "2022-23" are the same years. */
const years = (words: string[]): string[] =>
  words.filter((w) => /^\d{2,4}$/u.test(w)).map((w) => (w.length === 4 ? w.slice(2) : w));

// Where a title's parts meet: "Refuge and Risk Report – Life Online …", "Main findings: …".
const PART_BREAK = /\s+[–—-]\s+|:\s+/u;
// Words that only say what kind of document it is.
const KIND_WORDS = new Set(
  'report guidance guide briefing toolkit statistics data summary publication paper'.split(' '),
);

const words = (title: string): string[] =>
  normaliseName(title)
    .split(' ')
    .filter((w) => w !== '');

/** Whether `shorter` is a run of whole parts of `longer` ("Life Online …" of "Refuge and Risk Report – Life Online …"). */
function isWholeParts(shorter: string, longer: string): boolean {
  const parts = longer.split(PART_BREAK);
  const target = normaliseName(shorter);
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j <= parts.length; j++) {
      if ((i > 0 || j < parts.length) && normaliseName(parts.slice(i, j).join(' ')) === target) return true;
    }
  }
  return false;
}

// "Regional Improvement Plan (July 2022)": the month a document was issued, in brackets after its name.
const ISSUED =
  /\s*\((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d\d)\)$/u;
// "Regional Improvement Plan 2022-2023": the period a document covers.
const PERIOD = /\s+((?:19|20)\d\d)[-–/](?:(?:19|20)?\d\d)$/u;

/**
 * "Regional Improvement Plan (July 2022)" and "Regional Improvement Plan 2022-2023" name one plan in
 * one Update: the same words, one dated by the month it was issued, the other by the period it covers,
 * which starts in the year of issue.
 */
function issueAndPeriod(issued: string, covering: string): string | null {
  // ISSUED ends in a bracket: most titles are done without a search.
  if (!issued.endsWith(')')) return null;
  const month = ISSUED.exec(issued);
  const period = PERIOD.exec(covering);
  if (month === null || period === null || month[1] !== period[1]) return null;
  const same = normaliseName(issued.slice(0, month.index)) === normaliseName(covering.slice(0, period.index));
  return same
    ? `one is dated by its issue ${month[0].trim()}, the other by the period it covers, which starts then`
    : null;
}

/**
 * Why two titles name one document, or null. They do when they have the same words; or when the
 * shorter (three words or more) is whole parts of the longer, which adds a series name or a label
 * before a dash or colon ("Life Online for Vulnerable Young People" and "Refuge and Risk Report –
 * Life Online for Vulnerable Young People"); or when the longer adds only words of a kind or years
 * the shorter does not give ("Regional Improvement Plan" and "Regional Improvement Plan 2022-2023").
 * Never when the longer adds a word of another version ("… 2019-20 consultation draft" is the draft)
 * or other words in the same part ("SE19 SEND Regional Improvement Plan" is another plan), or when
 * the years differ.
 */
export function sameDocument(a: string, b: string): string | null {
  const dated = issueAndPeriod(a, b) ?? issueAndPeriod(b, a);
  if (dated !== null) return dated;
  const wordsOfA = words(a);
  const wordsOfB = words(b);
  // The shorter by words; of two as long, `a`.
  const aFirst = wordsOfA.length <= wordsOfB.length;
  const [shorter, longer] = aFirst ? [a, b] : [b, a];
  const [few, many] = aFirst ? [wordsOfA, wordsOfB] : [wordsOfB, wordsOfA];
  if (few.join(' ') === many.join(' ')) return 'the same words';
  if (few.length < MIN_SHARED_WORDS) return null;
  const at = ` ${many.join(' ')} `.indexOf(` ${few.join(' ')} `);
  if (at === -1) return null;
  const before = ` ${many.join(' ')} `
    .slice(0, at)
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  const extra = [...before, ...many.slice(before.length + few.length)];
  if (extra.some((w) => VERSION_WORDS.has(w))) return null;
  const shortYears = years(few).join(' ');
  if (shortYears !== '' && shortYears !== years(many).join(' ')) return null;
  const added = `adds only "${extra.join(' ')}"`;
  if (isWholeParts(shorter, longer)) return `one title is whole parts of the other, which ${added}`;
  if (extra.every((w) => KIND_WORDS.has(w) || (shortYears === '' && /^\d{2,4}$/u.test(w))))
    return `the longer title ${added}, words of a kind or its years`;
  return null;
}
