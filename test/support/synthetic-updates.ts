import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Synthetic weekly Updates in the seeds' layout, for load tests and the benchmark. Deterministic: the text
 * of Update `index` depends only on `index` (and the issue number), through a seeded PRNG, never Math.random.
 *
 * The shape follows the real archive (read on seslip.co.uk, none of its text used): numbering runs from
 * Update 330 (November 2018) to 679 (September 2025), about 50 a year, so ~700 weekly Updates span ~14 years;
 * here Update index 0 is dated September 2011 and index ~700 lands in late 2025 (5,000 run on into the next
 * century: dates only need to grow). Fridays in the Christmas fortnight and two August weeks are skipped.
 * An Update holds 2–6 announcements of new publications, 1–2 programme items, the network dates and 0–3
 * reminders (4–12 items, 8 on average; the seeds have 5–10), a Tools & Templates list of the last 0–6 weeks' publications,
 * and a contact list.
 *
 * Reuse is Zipf-like (weight 1/rank), as in the real Updates where a few bodies, networks and people recur
 * every week and most appear now and then:
 * - publishers: the usual bodies (DfE, Ofsted, LGA…) by rank, others now and then;
 * - networks meet on their own schedules, and the network-dates item names them by rank;
 * - authorities named in items, by rank;
 * - people: each network's contact changes every few years (so a network gathers several contacts), and a
 *   pool of advisers and consultants is listed by rank beside the programme manager, who is in every Update;
 * - reports: reminders repeat the last weeks' announcements (recent ones most often), and programme items
 *   point back at older reports by rank (the oldest, "classic" ones most often).
 */

/** Bumped whenever the text produced for an index changes, so cached benchmark graphs are rebuilt. */
export const SYNTHETIC_VERSION = 2;

export interface SyntheticOptions {
  /** Issue number of index 0; Update `index` is number `firstNumber + index`. Default 1000. */
  firstNumber?: number;
}

/** The first Friday an Update may fall on: index 0 is dated on it or on the next Friday not skipped. */
const FIRST_FRIDAY = Date.UTC(2011, 8, 2);
const DAY_MS = 86_400_000;
/** At most this many new publications a week (the title scheme relies on it: see reportsOfWeek). */
const MAX_REPORTS_PER_WEEK = 7;
/** How many weeks back a Tools & Templates list may reach. */
const MAX_LISTED_WEEKS = 6;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// ---------------------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: small, fast, and the same sequence for the same seed on every platform. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  private readonly next: () => number;
  constructor(...seed: number[]) {
    this.next = prng(
      seed.reduce((acc, n) => Math.imul(acc ^ (n + 0x9e3779b9), 0x85ebca6b) >>> 0, 0x2545f491),
    );
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(values: readonly T[]): T {
    return values[this.int(values.length)]!;
  }
  /** `count` distinct values, in the order of `values`. */
  sample<T>(values: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, values.length)) chosen.add(this.int(values.length));
    return [...chosen].sort((a, b) => a - b).map((i) => values[i]!);
  }
  /** A rank in 0 … size-1 with probability ∝ 1/(rank+1): the first ranks come up most. */
  zipf(size: number): number {
    // Inverse of the continuous approximation of the harmonic sum: rank ≈ e^(u·ln(size+1)) - 1.
    return Math.min(size - 1, Math.floor(Math.exp(this.next() * Math.log(size + 1)) - 1));
  }
  /** `count` distinct values drawn by Zipf rank (values[0] most likely), in the order of `values`. */
  zipfSample<T>(values: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, values.length)) chosen.add(this.zipf(values.length));
    return [...chosen].sort((a, b) => a - b).map((i) => values[i]!);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reference data from data/*.json

interface Named {
  name: string;
  aliases?: string[];
  ambiguousAliases?: string[];
  seslip?: boolean;
  /** A network's topic lexicon. */
  terms?: string[];
}

const readData = <T>(file: string, field: string): T[] =>
  (JSON.parse(readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8')) as Record<string, T[]>)[
    field
  ]!;

const organisations = readData<Named>('organisations.json', 'organisations');
const networks = readData<Named>('networks.json', 'networks');
const authorities = readData<Named>('local-authorities.json', 'authorities').filter((a) => a.seslip === true);

/** Words the parser takes for the publication verb: a publisher written with one of them would be cut there. */
const VERB_WORD = /\b(?:published|updated|launched|released|approved|issued|produced)\b/i;

/** The ways a body may be written: its name and aliases, less possessives and ambiguous aliases. */
function writtenForms(entry: Named): string[] {
  const ambiguous = new Set(entry.ambiguousAliases ?? []);
  return [entry.name, ...(entry.aliases ?? [])].filter(
    (form) => !ambiguous.has(form) && !/['’]s$/.test(form) && !VERB_WORD.test(form),
  );
}

/** The bodies that publish most weeks, as in the real Updates; the others publish now and then. */
const USUAL_PUBLISHERS = [
  'Department for Education',
  'Ofsted',
  'Local Government Association',
  "Association of Directors of Children's Services",
  'Home Office',
  'Department of Health and Social Care',
  "Children's Commissioner for England",
  'National Audit Office',
  'Local Government and Social Care Ombudsman',
  'Child Safeguarding Practice Review Panel',
].map((name) => {
  const found = organisations.find((o) => o.name === name);
  if (found === undefined) throw new Error(`synthetic Updates: "${name}" is not in data/organisations.json`);
  return found;
});
const publishers = organisations.filter((o) => writtenForms(o).length > 0);

/** A fixed shuffle of `values`: the order in which they are ranked for Zipf draws. */
function ranked<T>(values: readonly T[], seed: number): T[] {
  const dice = new Dice(seed);
  return values
    .map((value, i) => ({ value, at: dice.int(1 << 30) + i / values.length }))
    .sort((a, b) => a.at - b.at)
    .map(({ value }) => value);
}
/** SESLIP authorities by how often items name them. */
const AUTHORITIES_BY_RANK = ranked(authorities, 17);

// ---------------------------------------------------------------------------------------------------------
// People: each network's contact changes every few years; advisers and consultants recur by rank

interface Person {
  name: string;
  role: string;
  /** The organisation in brackets, as written. */
  organisation: string;
  email: string | null;
  phone: string | null;
  /** Canonical name of the network this person runs, if any. */
  network: string | null;
  /** Where the person stands in a contact list (network contacts first, the programme manager last). */
  order: number;
}

const SESLIP = 'South East Sector-Led Improvement Programme';

const EMAIL_DOMAINS: Record<string, string> = {
  'West Sussex': 'westsussex.gov.uk',
  'Kent County Council': 'kent.gov.uk',
  Surrey: 'surreycc.gov.uk',
  Hampshire: 'hants.gov.uk',
  'Medway Council': 'medway.gov.uk',
  'Isle of Wight': 'iow.gov.uk',
  'Oxfordshire County Council': 'oxfordshire.gov.uk',
  'Brighton and Hove': 'brighton-hove.gov.uk',
  'Portsmouth City Council': 'portsmouthcc.gov.uk',
  'NHS England (South East)': 'nhs.net',
  'Buckinghamshire Council': 'buckinghamshire.gov.uk',
  Reading: 'brighterfuturesforchildren.org',
  LGA: 'local.gov.uk',
  'East Sussex': 'eastsussex.gov.uk',
  'The Staff College': 'thestaffcollege.uk',
  'Milton Keynes': 'milton-keynes.gov.uk',
};

/** A post as the contact lists write it: the role and the body in brackets (and the network it runs). */
interface Post {
  role: string;
  organisation: string;
  network: string | null;
}

/** Each network's contact post; whoever holds it changes from era to era. */
const NETWORK_POSTS: Post[] = [
  ['Lead Members Group Adviser', SESLIP, 'Lead Members Group'],
  ['Data Benchmarking', 'West Sussex', 'Data Benchmarking Network'],
  [
    'Adoption and Special Guardianship Leadership Board Manager',
    'Kent County Council',
    'Adoption and Special Guardianship Leadership Board',
  ],
  ['AD Education Network Lead', SESLIP, 'AD Education Network'],
  ['AD Safeguarding Network Lead', 'Surrey', 'AD Safeguarding Network'],
  [
    'Performance Manager, Convener Of SE Quality Assurance Network',
    'Hampshire',
    'SE Quality Assurance Network',
  ],
  ['Fostering Network Lead', SESLIP, 'Fostering Network'],
  ['SEND SE19 Network Co-ordinator', SESLIP, 'SEND SE19'],
  ['Early Help Network Lead', 'Medway Council', 'Early Help Network'],
  ['Family Hubs Community of Practice Lead', 'Isle of Wight', 'Family Hubs Community of Practice'],
  ['Kinship Network Lead', 'Oxfordshire County Council', 'Kinship Network'],
  ['SESLIP Education Data Group Lead', 'Brighton and Hove', 'SESLIP Education Data Group'],
  ['UASC Network Lead', 'Portsmouth City Council', 'UASC Network'],
  ['CYP Mental Health Network Lead', 'NHS England (South East)', 'CYP Mental Health Network'],
  ['SE ADCS Branch Secretary', SESLIP, 'SE ADCS Branch'],
  ['Commissioning Network Lead', 'Buckinghamshire Council', 'Commissioning Network'],
  ['PSW and Workforce Network Lead', 'Reading', 'PSW and Workforce Network'],
].map(([role, organisation, network]) => ({ role: role!, organisation: organisation!, network: network! }));

/** Posts of the advisers, consultants and officers listed beside the network contacts. */
const ADVISER_POSTS: Post[] = [
  ['SESLIP Consultant', SESLIP],
  ['LGA Children\u2019s Improvement Adviser', 'LGA'],
  ['Data and Information Manager', 'East Sussex'],
  ['The Staff College Programme Manager', 'The Staff College'],
  ['Regional Commissioning Analyst', 'Milton Keynes'],
  ['South East Grid for Learning \u2013 Consortium Manager', SESLIP],
  ['Regional Improvement Adviser', 'Hampshire'],
  ['Workforce Development Officer', 'Surrey'],
].map(([role, organisation]) => ({ role: role!, organisation: organisation!, network: null }));
/** How many advisers the Updates ever list; they are listed by Zipf rank. */
const ADVISER_POOL = 60;

// Invented names, combined given × family (1,600 people before one repeats).
const GIVEN_NAMES = [
  'Amelia',
  'Bernard',
  'Clara',
  'Desmond',
  'Eleanor',
  'Felix',
  'Greta',
  'Hugo',
  'Isla',
  'Jasper',
  'Keira',
  'Lionel',
  'Marnie',
  'Nathaniel',
  'Orla',
  'Percy',
  'Rosalind',
  'Stellan',
  'Tamsin',
  'Ulric',
  'Verity',
  'Wilfred',
  'Yvette',
  'Zara',
  'Alistair',
  'Bryony',
  'Cormac',
  'Delphine',
  'Ewan',
  'Flora',
  'Gideon',
  'Hester',
  'Ivor',
  'Juno',
  'Kasimir',
  'Lettice',
  'Magnus',
  'Niamh',
  'Oswin',
  'Priya',
];
const FAMILY_NAMES = [
  'Aldridge',
  'Brackenbury',
  'Calloway',
  'Drummond',
  'Eastwood',
  'Fenwick',
  'Garside',
  'Holloway',
  'Ingleby',
  'Jessop',
  'Kettering',
  'Lambourne',
  'Merriweather',
  'Nettleford',
  'Ormsby',
  'Pennington',
  'Quennell',
  'Rushworth',
  'Stanhope',
  'Thackeray',
  'Upcott',
  'Vickery',
  'Wetherell',
  'Yelland',
  'Ainsworth',
  'Birtwistle',
  'Cheverton',
  'Dunstable',
  'Elphick',
  'Fothergill',
  'Gosling',
  'Hargreave',
  'Illingworth',
  'Jolliffe',
  'Kimberley',
  'Latchford',
  'Mortimer',
  'Northwood',
  'Oakley',
  'Prendergast',
];

const people = new Map<number, Person>();

/** Person number `serial` holding `post`: the same serial is always the same person. */
function personAt(serial: number, post: Post, order: number): Person {
  const known = people.get(serial);
  if (known !== undefined) return known;
  const given = GIVEN_NAMES[serial % GIVEN_NAMES.length]!;
  const family = FAMILY_NAMES[Math.floor(serial / GIVEN_NAMES.length) % FAMILY_NAMES.length]!;
  const created = {
    name: `${given} ${family}`,
    ...post,
    ...contactDetails(serial, given, family, post.organisation),
    order,
  };
  people.set(serial, created);
  return created;
}

function contactDetails(serial: number, given: string, family: string, organisation: string) {
  const domain = EMAIL_DOMAINS[organisation] ?? 'seslip.example.org';
  return {
    // Some contacts give no email, some no phone, as in the seeds.
    email: serial % 7 === 3 ? null : `${given}.${family}@${domain}`.toLowerCase(),
    phone:
      serial % 5 === 4
        ? null
        : `07${String(700 + ((serial * 37) % 300))} ${String(100000 + ((serial * 48611) % 900000)).slice(0, 6)}`,
  };
}

/** The programme manager, in every Update (as in the real ones, one person over many years). */
const PROGRAMME_MANAGER: Person = {
  name: 'Jonathan Whitcombe',
  role: 'SESLI Programme Manager',
  organisation: SESLIP,
  ...contactDetails(9999, 'jonathan', 'whitcombe', SESLIP),
  network: null,
  order: Number.MAX_SAFE_INTEGER,
};

/** Serials below this are network contacts (one per network and era); advisers come after. */
const ADVISER_SERIALS = 1000;

/** The contact of network number `n` at Update `index`: a new person every 2½–6 years, per network. */
function networkContact(n: number, index: number): Person {
  const span = 120 + ((n * 37) % 160);
  const era = Math.floor((index + ((n * 53) % span)) / span);
  return personAt(n + NETWORK_POSTS.length * era, NETWORK_POSTS[n]!, n);
}

/** Adviser of Zipf rank `rank` (0 is listed most often). */
const adviser = (rank: number): Person =>
  personAt(ADVISER_SERIALS + rank, ADVISER_POSTS[rank % ADVISER_POSTS.length]!, 1000 + rank);

const networkNumber = (network: string): number => NETWORK_POSTS.findIndex((p) => p.network === network);
const contactOf = (network: string, index: number): Person => {
  const n = networkNumber(network);
  return n < 0 ? PROGRAMME_MANAGER : networkContact(n, index);
};

// ---------------------------------------------------------------------------------------------------------
// Reports: four a week, each title unique (topic × form × year), built from network lexicon topics

const TOPICS = [
  'foster care sufficiency',
  'special guardianship support',
  'early help outcomes',
  'child protection practice',
  'school admissions appeals',
  'EHC plan timeliness',
  'kinship care arrangements',
  'unaccompanied asylum-seeking children in care',
  'mental health support in schools',
  'social work workforce retention',
  'corporate parenting',
  'case audit practice',
  'children\u2019s homes sufficiency',
  'family hub delivery',
  'adoption support',
  'regional adoption agency performance',
  'child sexual exploitation',
  'school places planning',
  'elected member scrutiny',
  'benchmarking of children\u2019s services',
  'quality assurance frameworks',
  'supporting families outcomes',
  'principal social worker practice',
  'self-harm among young people',
  'commissioning of residential care',
  'foster carer recruitment',
];

const FORMS: ((topic: string, year: number) => string)[] = [
  (t, y) => `${cap(t)}: annual report ${y}`,
  (t, y) => `${cap(t)}: practice guidance ${y}`,
  (t, y) => `Review of ${t} ${y}`,
  (t, y) => `${cap(t)} toolkit ${y}`,
  (t, y) => `State of ${t} in England ${y}`,
  (t, y) => `Briefing on ${t} ${y}`,
  (t, y) => `Learning from reviews of ${t} ${y}`,
  (t, y) => `${cap(t)}: a survey of local authorities ${y}`,
  (t, y) => `${cap(t)} statistics ${y}`,
  (t, y) => `Improving ${t}: what works ${y}`,
  (t, y) => `${cap(t)}: lessons from inspection ${y}`,
  (t, y) => `Spotlight on ${t} ${y}`,
  (t, y) => `${cap(t)}: national picture ${y}`,
  (t, y) => `Evaluation of ${t} pilots ${y}`,
];

const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export interface SyntheticReport {
  title: string;
  /** The publisher as written in the Update (a name or an alias from data/organisations.json). */
  publisher: string;
  publishedOn: Date;
  topic: string;
}

/** Put before a topic to tell apart titles that would otherwise repeat within a year. */
const QUALIFIERS = ['', 'local ', 'regional ', 'national '];
// Every combination of topic × form × qualifier is used once before any repeats; with the year in the title,
// a title repeats only if one year holds more than that many publications (two Updates a week at most).
if ((TOPICS.length * FORMS.length * QUALIFIERS.length) / MAX_REPORTS_PER_WEEK < 2 * 53)
  throw new Error('synthetic Updates: too few title combinations for unique titles within a year');

/**
 * The 3–7 publications of the days before Update `index` (dates strictly before it), newest first:
 * all but one are announced in an item of that Update; all are listed in Tools & Templates.
 */
export function reportsOfWeek(index: number): SyntheticReport[] {
  if (index < 0) return [];
  const dice = new Dice(index, 7);
  const count = 3 + dice.int(MAX_REPORTS_PER_WEEK - 2);
  return Array.from({ length: count }, (_, slot) => {
    const publishedOn = new Date(updateDate(index).getTime() - (1 + dice.int(3)) * DAY_MS);
    const combination = index * MAX_REPORTS_PER_WEEK + slot;
    const topic = TOPICS[combination % TOPICS.length]!;
    const form = FORMS[Math.floor(combination / TOPICS.length) % FORMS.length]!;
    const qualifier =
      QUALIFIERS[Math.floor(combination / (TOPICS.length * FORMS.length)) % QUALIFIERS.length]!;
    const organisation = dice.chance(0.7)
      ? USUAL_PUBLISHERS[dice.zipf(USUAL_PUBLISHERS.length)]!
      : dice.pick(publishers);
    return {
      title: form(qualifier + topic, publishedOn.getUTCFullYear()),
      publisher: dice.pick(writtenForms(organisation)),
      publishedOn,
      topic,
    };
  }).sort((a, b) => b.publishedOn.getTime() - a.publishedOn.getTime());
}

// ---------------------------------------------------------------------------------------------------------
// Meetings: each network meets every few weeks on its own weekday and time

const TIMES = [
  '10:00am',
  '11am-12.30pm',
  '10-11.30am',
  'at 2pm',
  '12:00 \u2013 13:30',
  '1.30pm',
  '9.30am \u2013 3.30pm',
  '10.30-12.30',
];
const MEETING_TOPICS = [
  'Recruitment and retention',
  'Sharing practice on audits',
  'Regional data update',
  'Workshop on sufficiency',
  'Annual planning session',
  null,
  null,
  null,
];

interface Schedule {
  network: Named;
  periodWeeks: number;
  firstMeeting: number;
  time: string;
}

const SCHEDULES: Schedule[] = networks.map((network, n) => {
  const dice = new Dice(n, 11);
  return {
    network,
    periodWeeks: 4 + dice.int(5),
    // A weekday (Monday to Friday) in the first weeks of the series.
    firstMeeting: FIRST_FRIDAY + (dice.int(4) * 7 + 3 + dice.int(5)) * DAY_MS,
    time: dice.pick(TIMES),
  };
});

/** Networks by how often the network-dates item names them. */
const SCHEDULES_BY_RANK = ranked(SCHEDULES, 19);

/** The first meeting of the schedule after `after`. */
function nextMeeting(schedule: Schedule, after: Date): Date {
  const period = schedule.periodWeeks * 7 * DAY_MS;
  const steps = Math.max(0, Math.floor((after.getTime() - schedule.firstMeeting) / period) + 1);
  return new Date(schedule.firstMeeting + steps * period);
}

// ---------------------------------------------------------------------------------------------------------
// Writing an Update

/** Update dates found so far, in index order (computed once, as far as asked). */
const updateDates: number[] = [];
/** After this many Updates they come out twice a week (Tuesday and Friday), so 5,000 end before 2100. */
const WEEKLY_UPDATES = 1000;
const FRIDAY = 5;
const TUESDAY = 2;

/** No Update in the Christmas fortnight (20 December – 3 January) nor in mid-August (6–19). */
function isBreak(day: Date): boolean {
  const [month, date] = [day.getUTCMonth(), day.getUTCDate()];
  return (
    (month === 11 && date >= 20) || (month === 0 && date <= 3) || (month === 7 && date >= 6 && date <= 19)
  );
}

export function updateDate(index: number): Date {
  let day = updateDates.at(-1) ?? FIRST_FRIDAY - DAY_MS;
  while (updateDates.length <= index) {
    day += DAY_MS;
    const weekday = new Date(day).getUTCDay();
    const publishing = weekday === FRIDAY || (updateDates.length >= WEEKLY_UPDATES && weekday === TUESDAY);
    if (publishing && !isBreak(new Date(day))) updateDates.push(day);
  }
  return new Date(updateDates[index]!);
}

const dayMonth = (date: Date): string => `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
const fullDate = (date: Date): string => `${dayMonth(date)} ${date.getUTCFullYear()}`;
const weekday = (date: Date): string => WEEKDAYS[date.getUTCDay()]!;

/** "A, B and C". */
const listOf = (names: string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

interface Item {
  title: string;
  paragraphs: string[];
  bullets?: string[];
  action: string[];
}

export function syntheticUpdate(index: number, options: SyntheticOptions = {}): string {
  if (!Number.isInteger(index) || index < 0)
    throw new RangeError(`index must be a whole number ≥ 0, got ${index}`);
  const number = (options.firstNumber ?? 1000) + index;
  const date = updateDate(index);
  const dice = new Dice(index, 3);
  const headline = `UPDATE NO ${number} ${fullDate(date)}`;
  const contacts = new Set<Person>([PROGRAMME_MANAGER]);

  // Items announcing the new publications (all but one: that one is only listed), with 1–2 programme items.
  const fresh = reportsOfWeek(index);
  const announced = dice.sample(fresh, fresh.length - 1);
  const main: Item[] = announced.map((report) =>
    reportItem(report, new Dice(index, 5, fresh.indexOf(report)), contacts, index),
  );
  const programmeItems = 1 + dice.int(2);
  for (let p = 0; p < programmeItems; p += 1)
    main.splice(1 + p, 0, programmeItem(index, p, new Dice(index, 9, p), contacts));

  // Reminders: the network dates, and 0–3 earlier announcements again, recent weeks most often.
  const dates = meetingsItem(date, index, dice, contacts);
  const reminders: Item[] = [];
  const reminded = new Set<number>();
  for (let r = dice.int(4); r > 0; r -= 1) {
    const week = index - 1 - dice.zipf(8);
    const earlier = reportsOfWeek(week);
    if (earlier.length === 0 || reminded.has(week)) continue;
    reminded.add(week);
    // The announcement exactly as that week wrote it: the same dice draw the same item.
    const report = new Dice(week, 3).sample(earlier, earlier.length - 1)[0]!;
    reminders.push(reportItem(report, new Dice(week, 5, earlier.indexOf(report)), contacts, week));
  }

  for (let extra = 2 + dice.int(5); extra > 0; extra -= 1) contacts.add(adviser(dice.zipf(ADVISER_POOL)));

  const out: string[] = [];
  const para = (...lines: string[]) => out.push(...lines.flatMap((line) => [line, '']));
  para(headline);
  para(
    'Newsletters If you would like to know more about the Programme, click on the main section icons shown above. ' +
      'At SESLIP we are always on the look-out for good ideas that might be better implemented regionally rather than locally. […]',
  );
  para('Three children playing happily together');
  out.push('');
  para('If you would like to know more about the Programme, click on the main section icons shown above.');
  para(
    'At SESLIP we are always on the look-out for good ideas that might be better implemented regionally rather than ' +
      `locally. If you have any suggestions, please contact ${PROGRAMME_MANAGER.name}, SESLI Programme Manager (details below).`,
  );
  const planYear = date.getUTCMonth() >= 6 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
  para(`Our Regional Improvement Plan for ${planYear}-${planYear + 1} can be found here`);
  para(headline);
  out.push('');
  for (const item of main) writeItem(out, item);
  para('Reminders from previous weeks');
  out.push('');
  writeMeetings(out, dates);
  for (const item of reminders) writeItem(out, item);
  para('Tools & Templates');
  for (const report of listedReports(index, dice)) {
    para(`On ${dayMonth(report.publishedOn)} ${report.publisher} published ${report.title}`);
  }
  para('Contact Details');
  const listed = [...contacts].sort((a, b) => a.order - b.order);
  listed.forEach((p, i) => {
    out.push(`${p.role}: ${p.name} (${p.organisation})`, '');
    if (p.email !== null) out.push(p.email, '');
    if (p.phone !== null) out.push(p.phone, '');
    if (i < listed.length - 1) out.push('');
  });
  while (out.at(-1) === '') out.pop();
  return `${out.join('\n')}\n`;
}

/**
 * Reports in the Tools & Templates list of Update `index`: the last 0–MAX_LISTED_WEEKS weeks' publications,
 * newest first (a fifth of the Updates have no such list, like some seeds).
 */
function listedReports(index: number, dice: Dice): SyntheticReport[] {
  const weeks = dice.chance(0.2) ? 0 : 1 + dice.int(MAX_LISTED_WEEKS);
  const reports: SyntheticReport[] = [];
  for (let week = index; week > index - weeks; week -= 1) reports.push(...reportsOfWeek(week));
  return reports;
}

const REPORT_FINDINGS = [
  'It draws on fieldwork in {las}, and sets out what helped children and families most.',
  'It finds wide variation between authorities, with {las} among those cited for good practice.',
  'The findings are based on returns from 19 South East authorities, including {las}.',
  'It includes case studies from {las} and a short self-assessment tool.',
  'Local areas such as {las} contributed to the consultation that shaped it.',
];
const REPORT_ACTIONS = [
  'This will be discussed at the next {network} meeting. Please send comments to {person} (contact details below).',
  'Colleagues are asked to share this with their teams. {person} (contact details below) will collect regional feedback for the {network}.',
  'Members of the {network} are invited to consider the implications for their own service. More from {person} (contact details below).',
];

/** `count` authorities by Zipf rank, each written by one of its names. */
const namedAuthorities = (dice: Dice, count: number): string[] =>
  dice.zipfSample(AUTHORITIES_BY_RANK, count).map((a) => dice.pick(writtenForms(a)));

/** The announcement of `report` in Update `index` (whose network contact is the one asked). */
function reportItem(report: SyntheticReport, dice: Dice, contacts: Set<Person>, index: number): Item {
  const network = networkFor(report.topic, dice);
  const contact = contactOf(network.name, index);
  contacts.add(contact);
  const las = namedAuthorities(dice, 2);
  // A name that says it is a network ("QA Network", not "QA"), so the sentence reads naturally.
  const networkNames = writtenForms(network).filter((n) => /network|group|board|branch|practice/i.test(n));
  const fill = (text: string) =>
    text
      .replace('{las}', listOf(las))
      .replace('{network}', networkNames.length > 0 ? dice.pick(networkNames) : network.name)
      .replace('{person}', contact.name);
  const titles = [
    report.title,
    `${report.publisher} publishes ${report.title}`,
    `New ${report.topic} report`,
  ];
  return {
    title: dice.pick(titles),
    paragraphs: [
      `On ${dayMonth(report.publishedOn)} ${report.publisher} published ${report.title}. ${fill(dice.pick(REPORT_FINDINGS))}`,
    ],
    action: [fill(dice.pick(REPORT_ACTIONS))],
  };
}

/** The network whose lexicon the report's topic comes from, or a fixed one per topic. */
function networkFor(topic: string, dice: Dice): Named {
  const words = topic.toLowerCase();
  const matching = networks.filter((n) => (n.terms ?? []).some((term) => words.includes(term.toLowerCase())));
  return matching.length > 0 ? dice.pick(matching) : networks[TOPICS.indexOf(topic) % networks.length]!;
}

const PROGRAMME_THEMES = [
  'Peer challenge programme',
  'Regional sufficiency project',
  'Practice leadership development',
  'Data benchmarking round',
  'Improvement plan priorities',
];

/**
 * Programme item `slot` of Update `index`: a regional activity with authorities (by rank), a consultant or
 * adviser to reply to, and, now and then, an older report as background (the oldest ones most often).
 */
function programmeItem(index: number, slot: number, dice: Dice, contacts: Set<Person>): Item {
  const [host, ...triad] = namedAuthorities(dice, 4);
  const lead = adviser(dice.zipf(ADVISER_POOL));
  contacts.add(lead);
  const classic = dice.chance(0.5) ? reportsOfWeek(dice.zipf(index + 1))[0] : undefined;
  return {
    title: `${PROGRAMME_THEMES[(index + slot) % PROGRAMME_THEMES.length]} \u2013 round ${index + 1}`,
    paragraphs: [
      `${listOf(triad)} will take part in the next round, hosted by ${host}.`,
      'Each session follows the regional framework agreed by the Directors.',
    ],
    bullets: [
      'Self-assessments are shared with partners four weeks ahead',
      'Each authority nominates two reviewers',
      'Findings feed into the Regional Improvement Plan',
    ],
    action: [
      `Please confirm your reviewers with ${lead.name} (contact details below).`,
      ...(classic === undefined ? [] : [`Background reading: ${classic.title} remains a useful reference.`]),
    ],
  };
}

interface MeetingLine {
  text: string;
}

/** 4–10 network dates, the networks drawn by Zipf rank (some meet, and are announced, far more often). */
function meetingsItem(date: Date, index: number, dice: Dice, contacts: Set<Person>): MeetingLine[] {
  return dice.zipfSample(SCHEDULES_BY_RANK, 4 + dice.int(7)).map((schedule) => {
    const when = nextMeeting(schedule, date);
    const contact = contactOf(schedule.network.name, index);
    contacts.add(contact);
    const topic = dice.pick(MEETING_TOPICS);
    const name = dice.pick(writtenForms(schedule.network));
    const text =
      `${name}: ${weekday(when)} ${dayMonth(when)} ${schedule.time}${topic === null ? '' : ` ${topic}`}. ` +
      `More from ${contact.name} (contact details below)`;
    return { text };
  });
}

function writeItem(out: string[], item: Item): void {
  out.push(item.title, '', '');
  for (const paragraph of item.paragraphs) out.push(paragraph, '');
  for (const bullet of item.bullets ?? []) out.push(`  \u2022 ${bullet}`);
  if ((item.bullets ?? []).length > 0) out.push('');
  out.push('Action Required:', '');
  for (const paragraph of item.action) out.push(paragraph, '');
  out.push('');
}

function writeMeetings(out: string[], lines: MeetingLine[]): void {
  out.push('Future dates for network meetings', '', '');
  lines.forEach((line, i) => {
    // The seeds have the marker inside the dates list; the parser drops it there.
    if (i === 3) out.push('Action Required:', '');
    out.push(line.text, '');
  });
  out.push('');
}

/**
 * Writes Updates `fromIndex` … count-1 (all of them by default) as `update-<number>-<yyyy-mm-dd>.txt` into
 * `dir`; returns the paths in order.
 */
export async function writeSyntheticUpdates(
  dir: string,
  count: number,
  firstNumber = 1000,
  fromIndex = 0,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (let index = fromIndex; index < count; index += 1) {
    const iso = updateDate(index).toISOString().slice(0, 10);
    const path = join(dir, `update-${firstNumber + index}-${iso}.txt`);
    await writeFile(path, syntheticUpdate(index, { firstNumber }));
    paths.push(path);
  }
  return paths;
}
