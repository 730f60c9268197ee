import { z } from 'zod';
import { normaliseName } from '../text/names.js';

/**
 * The reference data in data/: the bodies an Update can name (local authorities, organisations,
 * SESLIP's networks) and known variants of people's names. Analysts edit the JSON; this module
 * checks it (the caller reads the files: src/load/reference.ts) and refuses it with a message that names
 * the file and the entry at fault.
 * data/README.md explains the files to their editors.
 */

export const REGIONS = [
  'North East',
  'North West',
  'Yorkshire and the Humber',
  'East Midlands',
  'West Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
] as const;

export const AUTHORITY_TYPES = [
  'county',
  'unitary',
  'metropolitan borough',
  'london borough',
  'sui generis',
] as const;

export const ORGANISATION_KINDS = [
  'government',
  'regulator',
  'parliament',
  'ombudsman',
  'commissioner',
  'inquiry',
  'review',
  'nhs',
  'public body',
  'charity',
  'research',
  'university',
  'professional body',
  'membership body',
  'industry body',
  'partnership',
  'improvement programme',
  'governance body',
  "children's services company",
] as const;

const name = z.string().refine((s) => normaliseName(s) !== '', 'a name needs at least one word');
const names = z.array(name);
const isoDate = z.iso.date();

/** Shared by every kind of body. */
const namedBody = {
  name,
  aliases: names,
  /**
   * Names that also mean something else in running text ("EIF" is also the education inspection
   * framework): they resolve when they stand alone, as in a publisher field, but are not searched
   * for in prose. The canonical name may be listed here too.
   */
  ambiguousAliases: names.optional(),
  /** Free text for the next analyst: why an alias is (not) there, what is uncertain. */
  note: z.string().optional(),
};

const authority = z.strictObject({
  ...namedBody,
  seslip: z.boolean(),
  region: z.enum(REGIONS),
  type: z.enum(AUTHORITY_TYPES),
  /** Set on an authority that no longer exists, with the authorities that took over its area. */
  abolished: isoDate.optional(),
  successors: names.optional(),
});

const organisation = z.strictObject({
  ...namedBody,
  kind: z.enum(ORGANISATION_KINDS).optional(),
  /** The organisation this one is part of, by canonical name (SESLIP Steering Group → SESLIP). */
  parent: name.optional(),
});

const network = z.strictObject({
  ...namedBody,
  /** Topic lexicon: an Update item that uses one of these terms FEEDS the network (`seslip-kg derive`). */
  terms: z.array(name).min(1),
});

const person = z.strictObject({
  name,
  variants: names,
  note: z.string().optional(),
});

export type Authority = z.infer<typeof authority>;
export type Organisation = z.infer<typeof organisation>;
export type Network = z.infer<typeof network>;
export type Person = z.infer<typeof person>;

export interface ReferenceData {
  authorities: Authority[];
  organisations: Organisation[];
  networks: Network[];
  people: Person[];
}

/** A named body, tagged with its kind: what a name resolves to and what a mention points at. */
export type Entity =
  | { kind: 'authority'; entry: Authority }
  | { kind: 'organisation'; entry: Organisation }
  | { kind: 'network'; entry: Network };

export const FILES = {
  authority: 'local-authorities.json',
  organisation: 'organisations.json',
  network: 'networks.json',
  person: 'people.json',
} as const;

export class ReferenceDataError extends Error {
  override name = 'ReferenceDataError';
}

/** One file of data/ as the caller read it: where it was read (for messages) and its parsed JSON. */
export interface ReferenceFile {
  where: string;
  json: unknown;
}

/** The files of data/, keyed as FILES; without people.json, people are matched on their names as written. */
export interface ReferenceFiles {
  authority: ReferenceFile;
  organisation: ReferenceFile;
  network: ReferenceFile;
  person: ReferenceFile | undefined;
}

/** Checks the files' entries and the names that point from one entry to another. */
export function checkReferenceData(files: ReferenceFiles): ReferenceData {
  const data = {
    authorities: checkList(files.authority, 'authorities', authority),
    organisations: checkList(files.organisation, 'organisations', organisation),
    networks: checkList(files.network, 'networks', network),
    people: files.person === undefined ? [] : checkList(files.person, 'people', person),
  };
  checkReferences(data);
  entityIndex(data);
  personIndex(data);
  return data;
}

function checkList<T>({ where, json }: ReferenceFile, key: string, schema: z.ZodType<T>): T[] {
  const result = z.strictObject({ [key]: z.array(schema) }).safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${describePath(json, issue.path)}: ${issue.message}`,
    );
    throw new ReferenceDataError(`${where}: ${problems.join('; ')}`);
  }
  return result.data[key] as T[];
}

/** `authorities[3] ("Hampshire").region` rather than a bare path, so the analyst finds the entry. */
function describePath(json: unknown, issuePath: PropertyKey[]): string {
  const [list, index, ...rest] = issuePath;
  if (typeof list !== 'string' || typeof index !== 'number')
    return issuePath.map(String).join('.') || '(top level)';
  const entry = (json as Record<string, unknown[]>)[list]?.[index] as { name?: unknown } | undefined;
  const label = typeof entry?.name === 'string' ? ` ("${entry.name}")` : '';
  const field = rest.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return `${list}[${index}]${label}${field}`;
}

/** Names that point from one entry to another must point at something. */
function checkReferences(data: ReferenceData): void {
  const authorities = new Set(data.authorities.map((a) => a.name));
  const organisations = new Set(data.organisations.map((o) => o.name));
  for (const a of data.authorities) {
    if ((a.abolished === undefined) !== (a.successors === undefined)) {
      throw new ReferenceDataError(`${FILES.authority}: "${a.name}": abolished and successors go together`);
    }
    for (const s of a.successors ?? []) {
      if (!authorities.has(s))
        throw new ReferenceDataError(`${FILES.authority}: "${a.name}": unknown successor "${s}"`);
    }
  }
  for (const o of data.organisations) {
    if (o.parent !== undefined && !organisations.has(o.parent)) {
      throw new ReferenceDataError(`${FILES.organisation}: "${o.name}": unknown parent "${o.parent}"`);
    }
  }
}

export function entities(data: ReferenceData): Entity[] {
  return [
    ...data.authorities.map((entry) => ({ kind: 'authority' as const, entry })),
    ...data.organisations.map((entry) => ({ kind: 'organisation' as const, entry })),
    ...data.networks.map((entry) => ({ kind: 'network' as const, entry })),
  ];
}

/** Every name the local authorities are written under (canonical and aliases), for the parser (ParseOptions). */
export const authorityNames = (data: ReferenceData): string[] =>
  data.authorities.flatMap((authority) => [authority.name, ...authority.aliases]);

/** Every name an entry answers to when looked up: canonical, aliases and ambiguous aliases. */
export function lookupNames(entry: Entity['entry']): string[] {
  return [entry.name, ...entry.aliases, ...(entry.ambiguousAliases ?? [])];
}

/**
 * Normalised name → body, across all three files: one name, one body, so a mention is never
 * in doubt. Throws when two entries share a name.
 */
export function entityIndex(data: ReferenceData): Map<string, Entity> {
  return uniqueIndex(
    entities(data),
    (e) => lookupNames(e.entry),
    (e) => `${e.kind} "${e.entry.name}" in ${FILES[e.kind]}`,
  );
}

/** Normalised name or variant → person. Throws when two people share a variant. */
export function personIndex(data: ReferenceData): Map<string, Person> {
  return uniqueIndex(
    data.people,
    (p) => [p.name, ...p.variants],
    (p) => `person "${p.name}" in ${FILES.person}`,
  );
}

function uniqueIndex<T>(
  items: T[],
  namesOf: (item: T) => string[],
  describe: (item: T) => string,
): Map<string, T> {
  const index = new Map<string, T>();
  for (const item of items) {
    for (const n of namesOf(item)) {
      const key = normaliseName(n);
      const other = index.get(key);
      if (other !== undefined && other !== item) {
        throw new ReferenceDataError(`"${n}" names both ${describe(other)} and ${describe(item)}`);
      }
      index.set(key, item);
    }
  }
  return index;
}
