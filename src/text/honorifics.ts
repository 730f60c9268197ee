/**
 * Honorifics and titles written before a person's name. They are not part of the name ("Cllr Tom
 * Harding" is the person Tom Harding) but are kept on the role the person is named in.
 * Longer forms come first so that "Mr Justice" is not read as "Mr".
 */
export const HONORIFICS = [
  'Mr Justice',
  'Mrs Justice',
  'Ms Justice',
  'Lord Justice',
  'Lady Justice',
  'Chief Superintendent',
  'Chief Inspector',
  'Professor',
  'Prof',
  'Doctor',
  'Dr',
  'Mrs',
  'Mr',
  'Ms',
  'Miss',
  'Mx',
  'Councillor',
  'Cllr',
  'Sir',
  'Dame',
  'Lord',
  'Lady',
  'Baroness',
  'Baron',
  'Reverend',
  'Revd',
  'Rev',
  'HHJ',
  'Judge',
  'Superintendent',
  'Inspector',
  'Sergeant',
  'DCI',
] as const;

/** Regex source for one honorific with its optional dot: use inside a larger pattern. */
export const HONORIFIC = String.raw`(?:${HONORIFICS.map((h) => h.replace(/ /g, String.raw`\s+`)).join('|')})\.?`;

const LEADING = new RegExp(String.raw`^((?:${HONORIFIC}\s+)+)`, 'u');

/** "Cllr Tom Harding" → { honorific: "Cllr", name: "Tom Harding" }; several honorifics stay together ("Prof. Dame …"). */
export function splitHonorific(written: string): { honorific: string | null; name: string } {
  const text = written.trim();
  const lead = LEADING.exec(text);
  if (lead === null) return { honorific: null, name: text };
  return { honorific: lead[1]!.trim().replace(/\s+/g, ' '), name: text.slice(lead[1]!.length).trim() };
}

export const hasHonorific = (written: string): boolean => LEADING.test(written.trim());
