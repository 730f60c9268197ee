import type { Properties, PropertyValue } from '../extract/records.js';

/**
 * Shared nodes and edges are described by many Updates, and not always alike: a meeting's time, a report's
 * wording, a contact's role. The graph must not depend on the order Updates were loaded in, and taking one
 * Update back (a replaced version) must restore what the others said. So a shared node or edge keeps what
 * each Update said of it: its `versions`, bookkeeping that never leaves storage, one string per distinct
 * description, "<the Updates that gave it, comma-separated, ascending> <JSON>". Most Updates describe a
 * shared node alike, so a node seen in thousands of Updates holds a few descriptions and its Update numbers.
 * Its properties are the fold of the descriptions in the order of their newest Update (`foldVersions`): a
 * list property is the sorted union of every description's values, any other property takes the value of
 * the newest Update that gives one.
 */

export type Versions = string[];

interface Description {
  numbers: number[];
  json: string;
}

function parse(version: string): Description {
  const space = version.indexOf(' ');
  return { numbers: version.slice(0, space).split(',').map(Number), json: version.slice(space + 1) };
}

/** Stored in the order of each description's newest Update, so the fold and the store agree. */
function stored(descriptions: Description[]): Versions {
  return descriptions
    .filter((description) => description.numbers.length > 0)
    .sort((a, b) => a.numbers.at(-1)! - b.numbers.at(-1)!)
    .map(({ numbers, json }) => `${numbers.join(',')} ${json}`);
}

/** What one Update says of a node or edge, without empty values (they say nothing), keys sorted. */
function said(props: Properties): string | null {
  const entries = Object.entries(props)
    .filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? null : JSON.stringify(Object.fromEntries(entries));
}

/** The versions with Update `number`'s description replaced by what it says now (nothing said: none). */
export function withVersion(versions: Versions, number: number, props: Properties): Versions {
  const descriptions = withoutVersion(versions, number).map(parse);
  const json = said(props);
  if (json !== null) {
    const same = descriptions.find((description) => description.json === json);
    if (same === undefined) descriptions.push({ numbers: [number], json });
    else same.numbers = [...same.numbers, number].sort((a, b) => a - b);
  }
  return stored(descriptions);
}

/** The versions without Update `number`. */
export function withoutVersion(versions: Versions, number: number): Versions {
  return stored(
    versions.map(parse).map(({ numbers, json }) => ({ numbers: numbers.filter((n) => n !== number), json })),
  );
}

/** The properties the versions give together (see the module comment). */
export function foldVersions(versions: Versions): Properties {
  const folded: Properties = {};
  for (const version of versions) {
    for (const [name, value] of Object.entries(JSON.parse(parse(version).json) as Properties)) {
      folded[name] = Array.isArray(value) ? unite(folded[name], value) : value;
    }
  }
  return folded;
}

function unite(before: PropertyValue | undefined, more: string[] | number[]): string[] {
  const values = new Set((Array.isArray(before) ? before : []).map(String));
  for (const value of more) values.add(String(value));
  return [...values].sort();
}

/**
 * The properties to write when `before` becomes `after`: `after`, plus null for every property that only
 * `before` had (a SET n += map with a null removes the property).
 */
export function propertyChanges(before: Properties, after: Properties): Properties {
  const changes: Properties = { ...after };
  for (const name of Object.keys(before)) if (!(name in after)) changes[name] = null;
  return changes;
}
