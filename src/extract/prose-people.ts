import { HONORIFIC, splitHonorific } from '../text/honorifics.js';
import { normaliseName } from '../text/names.js';
import type { Entity } from './reference.js';

/**
 * People named in running text with their role, the shapes the Updates use:
 *   bracket     "Sarah Whitfield (DCS Surrey)", "Cllr Tom Harding (Lead Member, Reading)",
 *               "Lucy Butler, (project sponsor and DCS Oxfordshire)", "Prof. Rachel Lowe (University of Southampton)"
 *   apposition  "Dame Helen Carver, Children's Commissioner, …", "Hugo Lindqvist, Chair of the Independent Review …"
 *   at          "Please contact Amira Shah at Family Rights Group", "More from Jenny Marsh at the NFJO"
 *   titled      "Professor Judith Masson University of Bristol", "Dr Camilla Parker"
 * Precision first: a run of capitalised words is a person only inside one of these shapes, only when
 * it has the shape of a name (given name and surname, no word of a job or a body) and is not itself
 * the name of a body; the bracket must hold a body or a job title. Pure: the Update's bodies come in
 * through `bodyOf`.
 */

/** Where a person works or is based: a body of data/, or one this Update names that data/ does not know. */
export type Body = Entity | { kind: 'unknown'; name: string };

export interface RoleInProse {
  /** The role as written ("DCS", "Lead Member for Children"), "" when only the body is named. */
  role: string;
  body: Body;
}

export interface PersonInProse {
  /** The name as written, honorific included: "Cllr Tom Harding". */
  written: string;
  /** The honorific as written ("Cllr", "Prof."), kept on the roles rather than in the name. */
  honorific: string | null;
  /** Roles read with their body; a role without a body ("SEND SE19 Lead") is not a fact of the graph. */
  roles: RoleInProse[];
}

/** A name as written to the body it names; networks are not employers, so they do not count. */
export type BodyOf = (name: string) => Body | undefined;

// A given name is a capital and lower-case letters; a surname may carry inner capitals (McCrory,
// O'Neill, Smith-Jones) and particles (de Souza, van der Berg).
const GIVEN = String.raw`\p{Lu}\p{Ll}[\p{Ll}'’-]*`;
const SURNAME = String.raw`(?:(?:de|da|van|von|der|den|le|la|du|di|al)\s+)*\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*`;
const NAME = String.raw`(?:${HONORIFIC}\s+)*${GIVEN}(?:\s+${SURNAME}){1,2}`;

const BRACKET = new RegExp(String.raw`(${NAME})\s*,?\s*\(([^()]+)\)`, 'gu');
const SEGMENT = String.raw`[^,.;()”"]+?`;
const APPOSITION = new RegExp(
  String.raw`(${NAME}),\s+(${SEGMENT})(?:,\s+(${SEGMENT}))?(?=\s*[,.;”"]|$)`,
  'gu',
);
// "Professor Judith Masson University of Bristol": an honorific vouches for the name; a body may follow.
const TITLED = new RegExp(String.raw`(?<![\p{L}])(${HONORIFIC})\s+(${GIVEN}(?:\s+${SURNAME}){1,2})`, 'gu');
const AT = new RegExp(
  String.raw`\b(?:[Cc]ontact|[Ff]rom|[Ee]mail|[Aa]sk|to|with)\s+(${NAME})\s+at\s+(?:the\s+)?(\p{Lu}[^,.;()]*)`,
  'gu',
);
const AT_WORD = /\sat\s/u;

/** Words of a job title (case-insensitive) and acronyms that are one (case-sensitive). */
const ROLE_WORD =
  /\b(?:director|head|lead|leader|manager|adviser|advisor|officer|chair|co-chair|chief|executive|member|councillor|commissioner|consultant|convener|co-?ordinator|fellow|researcher|professor|lecturer|doctor|nurse|worker|sponsor|secretary|minister|president|principal|inspector|governor|partner|analyst|specialist|trustee|founder|clinician|practitioner|champion)s?\b|\b(?:DCS|AD|CEO|PSW|DPH)\b/iu;
const ACRONYM_ROLE = /\b(?:DCS|AD|CEO|PSW|DPH)\b/u;

/** Capitalised words that open or fill a phrase but are no part of a person's name. */
const NOT_NAME = new Set(
  [
    'the this that these those our their your we it its please contact email ask for from to or and more',
    'network networks group board council team programme service services review plan report day week',
    'summit conference update regional national south east west north england children childrens care',
    'school schools education health social family families early help members member minister new',
    'annual guidance strategy framework toolkit inspection inspections partnership trust foundation',
    'institute university college centre society association agency commission office department',
    'government county city borough unit hub hubs panel forum lead head director chair',
  ]
    .join(' ')
    .split(' '),
);

export function nameShaped(written: string): boolean {
  const { name } = splitHonorific(written);
  const words = name.split(/\s+/);
  return words.length >= 2 && words.every((w) => !NOT_NAME.has(normaliseName(w)));
}

/** The name that ends a run of capitalised words: "Members Lucy Butler" → "Lucy Butler". */
function nameIn(run: string): string | undefined {
  const words = run.trim().split(/\s+/u);
  for (let start = 0; start <= words.length - 2; start++) {
    const candidate = words.slice(start).join(' ');
    if (nameShaped(candidate)) return candidate;
  }
  return undefined;
}

export const hasRoleWord = (text: string): boolean =>
  ACRONYM_ROLE.test(text) || ROLE_WORD.test(text.toLowerCase().replace(/\b(dcs|ad|ceo|psw|dph)\b/g, ''));

/**
 * "DCS Surrey" → DCS at Surrey; "Improvement Adviser, LGA" → Improvement Adviser at the LGA;
 * "University of Southampton" → the university, no role; "project sponsor and DCS Oxfordshire" →
 * DCS at Oxfordshire (the sponsorship names no body). Empty when no body is named.
 */
export function roleAndBody(text: string, bodyOf: BodyOf): RoleInProse[] {
  const content = text.trim().replace(/\s+/g, ' ');
  const whole = bodyOf(content);
  if (whole !== undefined) return [{ role: '', body: whole }];
  const words = content.split(' ');
  // The body is the longest run of final words that names one: "DCS Brighton and Hove".
  for (let start = 1; start < words.length; start++) {
    const body = bodyOf(words.slice(start).join(' '));
    if (body === undefined) continue;
    const head = words
      .slice(0, start)
      .join(' ')
      .replace(/(?:,|\s+(?:of|at|for|in))$/u, '')
      .replace(/^(?:the)\s+/iu, '');
    // "project sponsor and DCS": each part is a role; only the last is the body's.
    const parts = head.split(/\s+and\s+/u);
    const role = parts.every(hasRoleWord) ? parts.at(-1)! : head;
    return hasRoleWord(role) || role === '' ? [{ role, body }] : [];
  }
  return [];
}

function person(written: string, roles: RoleInProse[]): PersonInProse {
  const { honorific } = splitHonorific(written);
  return { written: written.trim(), honorific, roles };
}

/** The people one sentence names in a role shape, in order of appearance, each once with each role once. */
export function peopleInSentence(sentence: string, bodyOf: BodyOf): PersonInProse[] {
  const found = new Map<string, PersonInProse & { at: number }>();
  const add = (run: string, roles: RoleInProse[], at: number) => {
    const written = nameIn(run);
    if (written === undefined || bodyOf(splitHonorific(written).name) !== undefined) return;
    const key = normaliseName(splitHonorific(written).name);
    const seen = found.get(key) ?? { ...person(written, []), at };
    for (const role of roles) {
      if (!seen.roles.some((r) => r.role === role.role && sameBody(r.body, role.body))) seen.roles.push(role);
    }
    seen.at = Math.min(seen.at, at);
    found.set(key, seen);
  };
  // Each shape is looked for only where the words it needs stand: most sentences have no bracket,
  // many no comma, and the shapes' names are slow to try at every letter.
  for (const m of sentence.includes('(') ? sentence.matchAll(BRACKET) : []) {
    const inside = m[2]!;
    if (/details\s+below/iu.test(inside)) continue;
    const roles = roleAndBody(inside, bodyOf);
    // A bracket without a body may still be a job title ("SEND SE19 Lead"): a person, no role edge.
    if (roles.length > 0 || hasRoleWord(inside)) add(m[1]!, roles, m.index);
  }
  for (const m of sentence.includes(',') ? sentence.matchAll(APPOSITION) : []) {
    const after = m[2]!.trim();
    const whole = bodyOf(after);
    const next = m[3] === undefined ? undefined : bodyOf(m[3]);
    // "Dame Helen Carver, Children's Commissioner": the office is the body, and the role as written.
    if (whole !== undefined && hasRoleWord(after)) add(m[1]!, [{ role: after, body: whole }], m.index);
    // "Andrea King, Specialist Advisor, NHS Hampshire …": the role, then its body.
    else if (next !== undefined && hasRoleWord(after)) add(m[1]!, [{ role: after, body: next }], m.index);
    else if (hasRoleWord(after.split(/\s+/u)[0] ?? '')) add(m[1]!, roleAndBody(after, bodyOf), m.index);
  }
  for (const m of sentence.matchAll(TITLED)) {
    const written = `${m[1]} ${m[2]}`;
    const words = m[2]!.split(/\s+/u);
    // The name is the shortest run of two or more words after which a body follows, else the whole run.
    const split = [2, 3]
      .filter((n) => n <= words.length)
      .map((n) => {
        const rest = (words.slice(n).join(' ') + sentence.slice(m.index + m[0].length)).trim();
        // Directly after the name: "Dame Helen Carver, Children's Commissioner" is an apposition.
        return { n, body: /^[\p{L}(]/u.test(rest) ? longestLeadingBody(rest, bodyOf) : undefined };
      })
      .find((s) => s.body !== undefined);
    if (split === undefined) add(written, [], m.index);
    else add(`${m[1]} ${words.slice(0, split.n).join(' ')}`, [{ role: '', body: split.body! }], m.index);
  }
  for (const m of AT_WORD.test(sentence) ? sentence.matchAll(AT) : []) {
    const body = longestLeadingBody(m[2]!, bodyOf);
    if (body !== undefined) add(m[1]!, [{ role: '', body }], m.index);
  }
  return [...found.values()].sort((a, b) => a.at - b.at).map(({ at: _, ...p }) => p);
}

const bodyKey = (body: Body): string =>
  body.kind === 'unknown' ? `unknown:${normaliseName(body.name)}` : `${body.kind}:${body.entry.name}`;
const sameBody = (a: Body, b: Body): boolean => bodyKey(a) === bodyKey(b);

/** "Family Rights Group for the regional breakdown" → Family Rights Group: the longest run of first words naming a body. */
function longestLeadingBody(text: string, bodyOf: BodyOf): Body | undefined {
  const words = text.trim().split(/\s+/u);
  for (let end = words.length; end > 0; end--) {
    const body = bodyOf(words.slice(0, end).join(' '));
    if (body !== undefined) return body;
  }
  return undefined;
}

const ABOUT_THEN_CONTACT = new RegExp(
  String.raw`\b(?:more|know|questions|find out|information)\b[^.]*?\b(?:about|on|of)\s+(?:the\s+)?$`,
  'u',
);
const CONTACT_NAME = new RegExp(String.raw`\b[Cc]ontact\s+(${NAME})`, 'u');

/**
 * "If you would like to find out more about the AD Education Network please contact Alison Rendle
 * (details below)": the person named to contact about a network is its contact. `networks` are the
 * sentence's network mentions (text and offset); the name must follow the network.
 */
export function networkContactIn<T extends { text: string; offset: number }>(
  sentence: string,
  networks: T[],
): { written: string; network: T } | undefined {
  for (const network of networks) {
    if (!ABOUT_THEN_CONTACT.test(sentence.slice(0, network.offset))) continue;
    const after = sentence.slice(network.offset + network.text.length);
    const contact = CONTACT_NAME.exec(after);
    const written = contact === null ? undefined : nameIn(contact[1]!);
    if (written !== undefined) return { written, network };
  }
  return undefined;
}
