import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Synthetic weekly Updates in the seeds' layout, for load tests and the benchmark. Deterministic: the text
 * of Update `index` depends only on `index` (and the issue number), through a seeded PRNG, never Math.random.
 *
 * What makes the resulting graph connected rather than 200 islands:
 * - networks, organisations (written by name or alias) and SESLIP authorities come from data/*.json;
 * - a fixed pool of people, each the contact of a network, is listed in every Update that needs them;
 * - every week four reports are published; Tools & Templates lists the last six weeks' reports (so a report
 *   appears in several Updates), and items announce the new ones with the on-date sentence
 *   ("On 5 July DfE published X. …") and name a network or its contact, so derive finds FEEDS edges;
 * - each network meets on a fixed schedule, so the same meeting is announced in several Updates.
 */

export interface SyntheticOptions {
  /** Issue number of index 0; Update `index` is number `firstNumber + index`. Default 1000. */
  firstNumber?: number;
}

/** The date of the Update of index 0 (a Friday); Update `index` is `index` weeks later. */
const FIRST_DATE = Date.UTC(2023, 0, 6);
const DAY_MS = 86_400_000;
const REPORTS_PER_WEEK = 4;
/** How many weeks a report stays in the Tools & Templates list. */
const LISTED_WEEKS = 6;

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

// ---------------------------------------------------------------------------------------------------------
// People: each network has its contact; the others advise, consult and manage the programme

interface Person {
  name: string;
  role: string;
  /** The organisation in brackets, as written. */
  organisation: string;
  email: string | null;
  phone: string | null;
  /** Canonical name of the network this person runs, if any. */
  network: string | null;
}

const SESLIP = 'South East Sector-Led Improvement Programme';

let personCount = 0;
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

const PEOPLE: Person[] = [
  person('Fiona Ashworth', 'Lead Members Group Adviser', SESLIP, 'Lead Members Group'),
  person('Tobias Blakeley', 'Data Benchmarking', 'West Sussex', 'Data Benchmarking Network'),
  person(
    'Nadia Choudhury',
    'Adoption and Special Guardianship Leadership Board Manager',
    'Kent County Council',
    'Adoption and Special Guardianship Leadership Board',
  ),
  person('Gareth Dunmore', 'AD Education Network Lead', SESLIP, 'AD Education Network'),
  person('Harriet Fairbairn', 'AD Safeguarding Network Lead', 'Surrey', 'AD Safeguarding Network'),
  person(
    'Imran Haddow',
    'Performance Manager, Convener Of SE Quality Assurance Network',
    'Hampshire',
    'SE Quality Assurance Network',
  ),
  person('Joanna Kirkwood', 'Fostering Network Lead', SESLIP, 'Fostering Network'),
  person('Kieran Lomax', 'SEND SE19 Network Co-ordinator', SESLIP, 'SEND SE19'),
  person('Leonie Marchant', 'Early Help Network Lead', 'Medway Council', 'Early Help Network'),
  person(
    'Maya Northcote',
    'Family Hubs Community of Practice Lead',
    'Isle of Wight',
    'Family Hubs Community of Practice',
  ),
  person('Oliver Pemberton', 'Kinship Network Lead', 'Oxfordshire County Council', 'Kinship Network'),
  person(
    'Philippa Quarrie',
    'SESLIP Education Data Group Lead',
    'Brighton and Hove',
    'SESLIP Education Data Group',
  ),
  person('Rohan Sandhu', 'UASC Network Lead', 'Portsmouth City Council', 'UASC Network'),
  person(
    'Sian Trelawny',
    'CYP Mental Health Network Lead',
    'NHS England (South East)',
    'CYP Mental Health Network',
  ),
  person('Thomas Underhill', 'SE ADCS Branch Secretary', SESLIP, 'SE ADCS Branch'),
  person('Uma Varley', 'Commissioning Network Lead', 'Buckinghamshire Council', 'Commissioning Network'),
  person('Victor Wainwright', 'PSW and Workforce Network Lead', 'Reading', 'PSW and Workforce Network'),
  person('Wendy Yardley', 'SESLIP Consultant', SESLIP, null),
  person('Xavier Abbott', 'LGA Children\u2019s Improvement Adviser', 'LGA', null),
  person('Yasmin Bellamy', 'Data and Information Manager', 'East Sussex', null),
  person('Zachary Cottrell', 'The Staff College Programme Manager', 'The Staff College', null),
  person('Abigail Darnley', 'Regional Commissioning Analyst', 'Milton Keynes', null),
  person('Benedict Ellery', 'South East Grid for Learning \u2013 Consortium Manager', SESLIP, null),
  person('Jonathan Whitcombe', 'SESLI Programme Manager', SESLIP, null),
];
const PROGRAMME_MANAGER = PEOPLE.at(-1)!;

function person(name: string, role: string, organisation: string, network: string | null): Person {
  const index = personCount++;
  const [first, last] = [name.split(' ')[0]!, name.split(' ').at(-1)!];
  const domain = EMAIL_DOMAINS[organisation] ?? 'seslip.example.org';
  return {
    name,
    role,
    organisation,
    // Some contacts give no email, some no phone, as in the seeds.
    email: index % 7 === 3 ? null : `${first}.${last}@${domain}`.toLowerCase(),
    phone:
      index % 5 === 4
        ? null
        : `07${String(700 + ((index * 37) % 300))} ${String(100000 + index * 48611).slice(0, 6)}`,
    network,
  };
}

const contactOf = (network: string): Person | undefined => PEOPLE.find((p) => p.network === network);

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

/** The reports published in the week before the Update of index `week` (dates strictly before it). */
export function reportsOfWeek(week: number): SyntheticReport[] {
  if (week < 0) return [];
  const dice = new Dice(week, 7);
  return Array.from({ length: REPORTS_PER_WEEK }, (_, slot) => {
    const publishedOn = new Date(updateDate(week).getTime() - (1 + dice.int(6)) * DAY_MS);
    // topic × form cycles every TOPICS × FORMS / 4 weeks (> a year), so with the year in it a title is unique.
    const combination = week * REPORTS_PER_WEEK + slot;
    const topic = TOPICS[combination % TOPICS.length]!;
    const form = FORMS[Math.floor(combination / TOPICS.length) % FORMS.length]!;
    const organisation = dice.chance(0.65) ? dice.pick(USUAL_PUBLISHERS) : dice.pick(publishers);
    return {
      title: form(topic, publishedOn.getUTCFullYear()),
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
    firstMeeting: FIRST_DATE + (dice.int(4) * 7 + 3 + dice.int(5)) * DAY_MS,
    time: dice.pick(TIMES),
  };
});

/** The first meeting of the schedule after `after`. */
function nextMeeting(schedule: Schedule, after: Date): Date {
  const period = schedule.periodWeeks * 7 * DAY_MS;
  const steps = Math.max(0, Math.floor((after.getTime() - schedule.firstMeeting) / period) + 1);
  return new Date(schedule.firstMeeting + steps * period);
}

// ---------------------------------------------------------------------------------------------------------
// Writing an Update

export function updateDate(index: number): Date {
  return new Date(FIRST_DATE + index * 7 * DAY_MS);
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

  // Items announcing this week's reports (three of four; the fourth is only listed), then a programme item.
  const fresh = reportsOfWeek(index);
  const announced = dice.sample(fresh, 3);
  const main: Item[] = announced.map((report) =>
    reportItem(report, new Dice(index, 5, fresh.indexOf(report)), contacts),
  );
  main.splice(1, 0, programmeItem(index, dice, contacts, listedReports(index)));

  // Reminders: the network dates, and last week's first announcement again.
  const dates = meetingsItem(date, dice, contacts);
  const reminders: Item[] = [];
  const lastWeek = reportsOfWeek(index - 1);
  if (lastWeek.length > 0) {
    const report = new Dice(index - 1, 3).sample(lastWeek, 3)[0]!;
    reminders.push(reportItem(report, new Dice(index - 1, 5, lastWeek.indexOf(report)), contacts));
  }

  for (const extra of dice.sample(PEOPLE.slice(0, -1), 4)) contacts.add(extra);

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
  for (const report of listedReports(index)) {
    para(`On ${dayMonth(report.publishedOn)} ${report.publisher} published ${report.title}`);
  }
  para('Contact Details');
  const listed = PEOPLE.filter((p) => contacts.has(p));
  listed.forEach((p, i) => {
    out.push(`${p.role}: ${p.name} (${p.organisation})`, '');
    if (p.email !== null) out.push(p.email, '');
    if (p.phone !== null) out.push(p.phone, '');
    if (i < listed.length - 1) out.push('');
  });
  while (out.at(-1) === '') out.pop();
  return `${out.join('\n')}\n`;
}

/** Reports in the Tools & Templates list of Update `index`: the last LISTED_WEEKS weeks', newest first. */
export function listedReports(index: number): SyntheticReport[] {
  const reports: SyntheticReport[] = [];
  for (let week = index; week > index - LISTED_WEEKS; week -= 1) reports.push(...reportsOfWeek(week));
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

function reportItem(report: SyntheticReport, dice: Dice, contacts: Set<Person>): Item {
  const network = networkFor(report.topic, dice);
  const contact = contactOf(network.name) ?? PROGRAMME_MANAGER;
  contacts.add(contact);
  const las = dice.sample(authorities, 2).map((a) => dice.pick(writtenForms(a)));
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

function programmeItem(index: number, dice: Dice, contacts: Set<Person>, listed: SyntheticReport[]): Item {
  const [host, ...triad] = dice.sample(authorities, 4).map((a) => dice.pick(writtenForms(a)));
  const consultant = PEOPLE.find((p) => p.role === 'SESLIP Consultant')!;
  contacts.add(consultant);
  const older = listed.at(-1);
  return {
    title: `Peer challenge programme \u2013 round ${index + 1}`,
    paragraphs: [
      `${listOf(triad)} will take part in the next round of peer challenge, hosted by ${host}.`,
      'Each challenge day follows the regional framework agreed by the Directors.',
    ],
    bullets: [
      'Self-assessments are shared with triad partners four weeks ahead',
      'Each authority nominates two reviewers',
      'Findings feed into the Regional Improvement Plan',
    ],
    action: [
      `Please confirm your reviewers with ${consultant.name} (contact details below).`,
      ...(older === undefined ? [] : [`Background reading: ${older.title} remains a useful reference.`]),
    ],
  };
}

interface MeetingLine {
  text: string;
}

function meetingsItem(date: Date, dice: Dice, contacts: Set<Person>): MeetingLine[] {
  return dice.sample(SCHEDULES, 9).map((schedule) => {
    const when = nextMeeting(schedule, date);
    const contact = contactOf(schedule.network.name) ?? PROGRAMME_MANAGER;
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

/** Writes Updates 0 … count-1 as `update-<number>-<yyyy-mm-dd>.txt` into `dir`; returns the paths in order. */
export async function writeSyntheticUpdates(
  dir: string,
  count: number,
  firstNumber = 1000,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const iso = updateDate(index).toISOString().slice(0, 10);
    const path = join(dir, `update-${firstNumber + index}-${iso}.txt`);
    await writeFile(path, syntheticUpdate(index, { firstNumber }));
    paths.push(path);
  }
  return paths;
}
