import type { Properties, PropertyValue } from '../extract/records.js';

/**
 * Shared nodes and edges are described by many Updates, and not always alike: a meeting's time, a report's
 * wording, a contact's role. The graph must not depend on the order Updates were loaded in, and taking one
 * Update back (a replaced version) must restore what the others said. So each Update keeps what it said of
 * every node and edge it names on its own Issue node (`describedNodes`, `describedEdges`: see the loader), and
 * a shared node or edge keeps a summary that does not grow with the archive: its `versions`, bookkeeping that
 * never leaves storage, one string per distinct description, "<how many Updates gave it> <the newest of them>
 * <JSON>". Most Updates describe a shared node alike, so a node seen in thousands of Updates holds a few short
 * strings whatever the archive's size. Its properties are the fold of the descriptions in the order of their
 * newest Update (`foldVersions`): a list property is the sorted union of every description's values, any other
 * property takes the value of the newest Update that gives one.
 *
 * Taking Update n back decrements its description's count. When n was that description's newest Update and
 * others gave it too, the next newest is looked up in the Updates' own records (`previous` below): the highest
 * Update below n whose Issue records the same description. That is the only read that is not a key lookup, and
 * it stops at the first match.
 */

export type Versions = string[];

interface Description {
  count: number;
  max: number;
  json: string;
}

function parse(version: string): Description {
  const first = version.indexOf(' ');
  const second = version.indexOf(' ', first + 1);
  return {
    count: Number(version.slice(0, first)),
    max: Number(version.slice(first + 1, second)),
    json: version.slice(second + 1),
  };
}

/** Stored in the order of each description's newest Update, so the fold and the store agree. */
function stored(descriptions: Description[]): Versions {
  return descriptions
    .filter((description) => description.count > 0)
    .sort((a, b) => a.max - b.max)
    .map(({ count, max, json }) => `${count} ${max} ${json}`);
}

/** What one Update says of a node or edge, without empty values (they say nothing), keys sorted; '' for nothing. */
export function said(props: Properties): string {
  const entries = Object.entries(props)
    .filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? '' : JSON.stringify(Object.fromEntries(entries));
}

/** The versions with Update `number`'s description `json` added (an empty description adds nothing). */
export function withVersion(versions: Versions, number: number, json: string): Versions {
  if (json === '') return versions;
  const descriptions = versions.map(parse);
  const same = descriptions.find((description) => description.json === json);
  if (same === undefined) descriptions.push({ count: 1, max: number, json });
  else {
    same.count += 1;
    same.max = Math.max(same.max, number);
  }
  return stored(descriptions);
}

/**
 * Whether taking Update `number`'s description `json` off needs the next newest Update that gave it: when
 * `number` was its newest and others gave it too.
 */
export function needsPrevious(versions: Versions, number: number, json: string): boolean {
  if (json === '') return false;
  const found = versions.map(parse).find((description) => description.json === json);
  return found !== undefined && found.max === number && found.count > 1;
}

/**
 * The versions without Update `number`'s description `json`. `previous` is the newest other Update that gave
 * the same description, when `needsPrevious` said it is needed.
 */
export function withoutVersion(
  versions: Versions,
  number: number,
  json: string,
  previous: number | null = null,
): Versions {
  if (json === '') return versions;
  const descriptions = versions.map(parse);
  const found = descriptions.find((description) => description.json === json);
  if (found === undefined) return versions;
  found.count -= 1;
  if (found.count > 0 && found.max === number) {
    if (previous === null)
      throw new Error(`versions: the Update before ${number} that said ${json} is needed`);
    found.max = previous;
  }
  return stored(descriptions);
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
