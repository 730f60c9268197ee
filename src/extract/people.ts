import { splitHonorific } from '../text/honorifics.js';

/**
 * People's names as the Updates write them: "Philip (Phil) Simpkins", "Prof. Harry Ferguson",
 * "Dr Camilla Parker". The graph files a person under one canonical name and keeps the rest as variants.
 */

export interface PersonName {
  /** Given name and surname, without titles or nickname: "Philip Simpkins". */
  name: string;
  /** Other ways the same person is written, the raw form included when it differs: "Phil Simpkins". */
  variants: string[];
}

// "Philip (Phil) Simpkins", "Philip ‘Phil’ Simpkins": a nickname between the given name and the rest.
const NICKNAME = /^(\S+)\s+[("“‘']([^)"”’']+)[)"”’']\s+(.+)$/;

const tidy = (s: string): string =>
  s
    .replace(/\s+/g, ' ')
    .replace(/[\s,;:.]+$/, '')
    .trim();

export function canonicalPersonName(raw: string): PersonName {
  const written = tidy(raw);
  // Honorifics are dropped from the canonical name because the same person is cited with and without them.
  const untitled = splitHonorific(written).name;
  const nickname = NICKNAME.exec(untitled);
  const name = nickname ? `${nickname[1]} ${nickname[3]}` : untitled;
  const variants = [nickname ? `${nickname[2]} ${nickname[3]}` : undefined, written].filter(
    (v): v is string => v !== undefined && v !== name,
  );
  return { name, variants: [...new Set(variants)] };
}

/**
 * Two different names with the same surname and the same first initial ("Phil Simpkins" and
 * "Philip Simpkins", or two different Mark Evanses) may or may not be one person. The graph records
 * them as a POSSIBLY_SAME_AS candidate for a person to decide, rather than merging them.
 * Names known to be the same (equal once canonical, or one is a variant of the other) are not doubtful.
 */
export function possiblySamePerson(a: string, b: string): boolean {
  const pa = canonicalPersonName(a);
  const pb = canonicalPersonName(b);
  const same = (x: string, y: string): boolean => x.toLowerCase() === y.toLowerCase();
  if (
    same(pa.name, pb.name) ||
    pa.variants.some((v) => same(v, pb.name)) ||
    pb.variants.some((v) => same(v, pa.name))
  ) {
    return false;
  }
  const wa = pa.name.split(' ');
  const wb = pb.name.split(' ');
  if (wa.length < 2 || wb.length < 2) return false;
  return same(wa.at(-1)!, wb.at(-1)!) && same(wa[0]!.charAt(0), wb[0]!.charAt(0));
}
