import type { Properties, PropertyValue } from '../extract/records.js';

/**
 * Shared nodes and edges are described by many Updates, and not always alike: a meeting's title, a report's
 * wording, a contact's role. The graph must not depend on the order Updates were loaded in, and taking one
 * Update back (a replaced version) must restore what the others said. So a shared node or edge keeps, per
 * Update that gave it properties, what that Update said: its `versions`, a sorted list of strings
 * "<number, six digits> <JSON>", bookkeeping that never leaves storage. Its properties are the fold of its
 * versions (`foldVersions`): a list property is the sorted union of every version's values, any other
 * property takes the value of the highest-numbered Update that gives one (the newest word wins).
 */

export type Versions = string[];

/** How Update `number`'s version starts (versions-of-update.cypher finds them by it). */
export const versionStamp = (number: number): string => `${String(number).padStart(6, '0')} `;

/** What one Update says of a node or edge, without empty values (they say nothing). */
function said(props: Properties): Properties {
  const entries = Object.entries(props)
    .filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

/** The versions with Update `number`'s replaced by what it says now (nothing said: no entry). */
export function withVersion(versions: Versions, number: number, props: Properties): Versions {
  const others = withoutVersion(versions, number);
  const own = said(props);
  if (Object.keys(own).length === 0) return others;
  return [...others, `${versionStamp(number)}${JSON.stringify(own)}`].sort();
}

/** The versions without Update `number`'s. */
export function withoutVersion(versions: Versions, number: number): Versions {
  const stamp = versionStamp(number);
  return versions.filter((version) => !version.startsWith(stamp));
}

/** The properties the versions give together (see the module comment); versions are sorted by Update. */
export function foldVersions(versions: Versions): Properties {
  const folded: Properties = {};
  for (const version of versions) {
    const props = JSON.parse(version.slice(version.indexOf(' ') + 1)) as Properties;
    for (const [name, value] of Object.entries(props)) {
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
