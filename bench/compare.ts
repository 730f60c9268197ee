/** Answers compared after normalising what may differ without meaning anything: null vs absent, float noise. */

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Lucene scores and stored floats may differ in the last bits between two readers of the same value. */
const sameNumber = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

const shown = (value: unknown): string => {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
};

/** The first place two answers differ, as "path: ours ≠ theirs"; null when they are equal. */
export function firstDifference(ours: unknown, theirs: unknown, path = 'data'): string | null {
  if ((ours ?? null) === null && (theirs ?? null) === null) return null;
  if (typeof ours === 'number' && typeof theirs === 'number')
    return sameNumber(ours, theirs) ? null : `${path}: ${ours} ≠ ${theirs}`;
  if (Array.isArray(ours) && Array.isArray(theirs)) {
    for (let i = 0; i < Math.min(ours.length, theirs.length); i += 1) {
      const difference = firstDifference(ours[i], theirs[i], `${path}[${i}]`);
      if (difference !== null) return difference;
    }
    return ours.length === theirs.length ? null : `${path}: ${ours.length} entries ≠ ${theirs.length}`;
  }
  if (isRecord(ours) && isRecord(theirs)) {
    for (const key of [...new Set([...Object.keys(ours), ...Object.keys(theirs)])]) {
      const difference = firstDifference(ours[key], theirs[key], `${path}.${key}`);
      if (difference !== null) return difference;
    }
    return null;
  }
  return ours === theirs ? null : `${path}: ${shown(ours)} ≠ ${shown(theirs)}`;
}
