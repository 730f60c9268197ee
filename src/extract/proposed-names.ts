import { normaliseName } from '../text/names.js';
import { addEntity, type Context } from './context.js';
import { proposedOrganisationNode } from './nodes.js';
import type { NameSpan } from './name-reader.js';
import { hasRoleWord, nameShaped, type Body } from './prose-people.js';
import { linkRole } from './people-edges.js';
import { addPerson } from './context.js';
import type { Resolver } from './resolve.js';

/**
 * The rules' verdict on the statistical reader's spans. The reader proposes; these rules confirm a
 * span, type it, or reject it, using what the rules know and the reader does not: data/'s bodies,
 * the shapes of a name, a role and a body, the Update's report titles and the words around the span.
 *
 * A person must have the shape of a name (given name and surname, every word capitalised, no word of
 * a job or a body), must not be a body data/ knows or a piece of a report title, and must be read so
 * consistently (score) that a lone misreading does not count.
 * A body must be a name (capitalised words, not a document, event or programme) and either have a
 * body's shape (a head word such as Trust, Court, University, Aid, Council, Department), stand where
 * a body stands (it publishes, launches or is a charity), or be the acronym of a long form the same
 * Update names.
 */

/**
 * A reading given to the words at most half the times they occur is as often wrong as right (a
 * programme's name read once as a person, once not): it needs more than that.
 */
export const MIN_SCORE = 0.6;

export type ProposedName =
  | { kind: 'person'; name: string; span: NameSpan }
  | { kind: 'organisation'; name: string; orgKind: OrganisationKind | null; span: NameSpan };

/** What kind of body a name is, from its shape and the words around it. */
export type OrganisationKind =
  | 'government department'
  | 'court'
  | 'university'
  | 'council'
  | 'charity'
  | 'research body'
  | 'parliament'
  | 'health body'
  | 'association';

const KIND_BY_HEAD: [RegExp, OrganisationKind][] = [
  [/\b(?:Department|Ministry|Cabinet Office|Home Office|Treasury)\b/u, 'government department'],
  [/\b(?:Court|Tribunal)\b/u, 'court'],
  [/\b(?:University|College)\b/u, 'university'],
  [/\bCouncil\b/u, 'council'],
  [/\b(?:House of Commons|House of Lords|Parliament|Committee)\b/u, 'parliament'],
  [/\b(?:NHS|Hospital|Health)\b/u, 'health body'],
  [/\b(?:Institute|Research|Observatory|Centre|Center|Bureau|Evidence)\b/u, 'research body'],
  [/\b(?:Association|Federation|Union|Alliance|Network|Society|Confederation)\b/u, 'association'],
  [/\b(?:Aid|Trust|Foundation|Charity)\b/u, 'charity'],
];

/** The word that ends a body's name, or opens it before "of"/"for". */
const BODY_HEAD =
  /\b(?:Trust|Foundation|Institute|Association|Society|Agency|Alliance|Observatory|Bureau|Commission|Commissioner|Partnership|Federation|Consortium|Collaborative|Charity|Centre|Center|University|College|Council|Court|Tribunal|Department|Ministry|Office|Library|Aid|Group|Board|Committee|Authority|Union|Company|Ltd|Limited|Services?|Network|Barnardo's|Learning|Education|Research|Coalition|Forum|Confederation|Inspectorate|Executive)\b/u;

/** A name that ends in one of these is a document, an event or a scheme, not a body. */
const NOT_A_BODY =
  /\b(?:Guide|Guidance|Report|Plan|Strategy|Framework|Review|Toolkit|Programme|Program|Project|Scheme|Fund|Award|Awards|Conference|Day|Week|Month|Act|Bill|Portal|Summit|Survey|Standards?|Paper|Bulletin|Newsletter|Update|Briefing|Statistics|Data|Tool|Pathway|Model|Policy|Premium|Profile|Assessment|Offer|Hub|Spend|Spending|Budget|Funding|Costs?|Figures|Numbers|Rates?)$/u;

/** Words before a span that say a body follows ("the charity Kinship", "published by X"). */
const BODY_BEFORE =
  /(?:\b(?:charity|charities|organisation|body|regulator|inspectorate|watchdog|by|from|with|at|partnership with)\s+(?:the\s+)?)$/iu;
/** Words after a span that say it is a body ("X published", "X has launched", "X, the national charity"). */
const BODY_AFTER =
  /^(?:’s|'s)?\s*(?:,\s*(?:the|a)\s+(?:national\s+|leading\s+|independent\s+)?(?:charity|organisation|body|regulator|think tank|membership)|\s+(?:has\s+|have\s+|had\s+)?(?:published|publishes|launched|launches|released|announced|issued|produced|found|finds|warned|calls?|called|said|says|commissioned|reported|set out|is calling|are calling))/iu;

const ACRONYM = /^(?=(?:[^\p{Ll}]*\p{Lu}){2})[\p{Lu}][\p{L}&]{1,7}$/u;
const CAPITALISED_WORD = /^(?:[\p{Lu}\d][\p{L}\d'’&.-]*|of|for|and|the|on|in|&|de|la|le|van|von|der|du)$/u;
const LINKING_WORD = /^(?:of|for|and|the|on|in|&)$/u;

/** The span's words less what the reader often takes along: a leading article, a possessive, punctuation. */
export function tidySpan(text: string): string {
  return (
    text
      .replace(/\s+/gu, ' ')
      // "Ruth Perry: Prevention …": a name ends where a clause does.
      .replace(/\s*[:;(].*$/u, '')
      .replace(/^(?:the|The)\s+/u, '')
      .replace(/(?:’s|'s|’|')$/u, '')
      .replace(/[\s,.;:()–-]+$/u, '')
      .replace(/^[\s,.;:()–-]+/u, '')
      .trim()
  );
}

const personShaped = (name: string): boolean => {
  const words = name.split(' ');
  return (
    nameShaped(name) &&
    words.length <= 4 &&
    words.every((w) => /^\p{Lu}\p{Ll}/u.test(w) || /^(?:de|da|van|von|der|le|la|du|di|al)$/u.test(w))
  );
};

/** Words that name a kind of body, not one: "Local Authority", "the Department", "Steering Group". */
const GENERIC =
  /^(?:(?:local|the|regional|national|steering|working|project|advisory|reference|task|virtual|our|your|their|this)\s+)*(?:authority|authorities|council|councils|department|government|group|groups|board|team|network|committee|partnership|service|services|agency|office|panel|forum|trust|centre|university|college)$/iu;
const isGeneric = (name: string): boolean => GENERIC.test(name);

const isCapitalisedName = (name: string): boolean => {
  const words = name.split(' ');
  return (
    /^[\p{Lu}\d]/u.test(name) &&
    words.every((w) => CAPITALISED_WORD.test(w)) &&
    !LINKING_WORD.test(words.at(-1)!) &&
    words.length <= 9
  );
};

/** Initials of a name's capitalised words: "National Children's Bureau" → NCB, "Department for Education" → DE. */
const initialsOf = (name: string): string =>
  name
    .split(/[\s-]+/u)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');

/** Whether `acronym` abbreviates `long` ("NCB" for National Children's Bureau, "DfE" for Department for Education). */
export function abbreviates(acronym: string, long: string): boolean {
  const letters = acronym.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return false;
  const initials = initialsOf(long);
  const everyInitial = long
    .split(/[\s-]+/u)
    .filter((w) => /^\p{L}/u.test(w))
    .map((w) => w[0])
    .join('');
  return [initials, everyInitial].some((i) => i.toUpperCase() === letters.toUpperCase());
}

export function kindOfBody(name: string, sentence: string): OrganisationKind | null {
  for (const [shape, kind] of KIND_BY_HEAD) if (shape.test(name)) return kind;
  const at = sentence.indexOf(name);
  const around = at === -1 ? '' : sentence.slice(Math.max(0, at - 40), at + name.length + 50);
  return /\bchar(?:ity|ities|itable)\b/iu.test(around) ? 'charity' : null;
}

export interface ConfirmContext {
  resolver: Resolver;
  /** The people this Update names (the rules' and the reader's): a body is never one of them. */
  people: ReadonlySet<string>;
  /** The report titles this Update names: a span inside one is a piece of a title. */
  reportTitles: readonly string[];
  /** The long forms of bodies this Update names (data/'s and the reader's), for acronyms. */
  longForms: readonly string[];
}

/** Whether the span lies inside a report title as this sentence writes it (a person may also be named outside it). */
const insideTitle = (span: NameSpan, sentence: string, titles: readonly string[]): boolean => {
  const lower = sentence.toLowerCase();
  return titles.some((title) => {
    const at = lower.indexOf(title.toLowerCase());
    return at !== -1 && at <= span.start && span.end <= at + title.length && title.length > span.text.length;
  });
};

/** ", Team Manager", ", DCS": a role in apposition after a name. */
const roleAfter = (after: string): boolean => {
  const apposition = /^,\s+([^,.;]{1,60})/u.exec(after);
  return apposition !== null && hasRoleWord(apposition[1]!);
};

// "Kirsty Doull, of CELCIS", "Clare Bracey of Become": a body one of this Update's people is of.
const PERSON_OF = /(\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+),?\s+(?:of|at|from)\s+(?:the\s+)?$/u;
const personOfBefore = (before: string, people: ReadonlySet<string>): boolean => {
  const m = PERSON_OF.exec(before);
  return m !== null && people.has(normaliseName(m[1]!));
};
const ACRONYM_STANDS = /(?:\bby|\bfrom|,\s*of|\bat)\s+(?:the\s+)?$/u;

/**
 * "Carrie Wilson-Harrop of Care Leavers Association": the reader takes a person and their body as one
 * span. A leading name of this Update's people is cut off with its "of"/"at"; what follows a name
 * without one ("Heidi Connor, Senior Coroner for Berkshire") is a role, not a body.
 */
function withoutLeadingPerson(span: NameSpan, people: ReadonlySet<string>): NameSpan | undefined {
  const words = span.text.split(/\s+/u);
  for (let n = Math.min(4, words.length - 1); n >= 2; n--) {
    const lead = words.slice(0, n).join(' ').replace(/,$/u, '');
    if (!people.has(normaliseName(lead))) continue;
    const rest = /^,?\s*(?:of|at|from)\s+(?:the\s+)?(.+)$/u.exec(
      span.text.slice(words.slice(0, n).join(' ').length),
    );
    if (rest === null) return undefined;
    const text = rest[1]!;
    return { ...span, text, start: span.end - text.length };
  }
  return span;
}

/** The rules' reading of one proposed span in its sentence, or undefined when they reject it. */
export function confirmSpan(
  proposed: NameSpan,
  sentence: string,
  ctx: ConfirmContext,
): ProposedName | undefined {
  if (proposed.score < MIN_SCORE) return undefined;
  const span = proposed.label === 'ORG' ? withoutLeadingPerson(proposed, ctx.people) : proposed;
  if (span === undefined) return undefined;
  const name = tidySpan(span.text);
  if (name === '' || /\d/u.test(name) || insideTitle(span, sentence, ctx.reportTitles)) return undefined;
  // "please contact Kam Padda, DoLS (LPS) Team Manager": a name where a person stands, read as a body.
  const personStands =
    /\b(?:contact|email|ask|by|from|with)\s+$/iu.test(sentence.slice(0, span.start)) ||
    roleAfter(sentence.slice(span.end));
  if (span.label === 'ORG' && personShaped(name) && !BODY_HEAD.test(name) && personStands) {
    return ctx.resolver.resolveEntity(name) === undefined ? { kind: 'person', name, span } : undefined;
  }
  if (span.label === 'PERSON' && personShaped(name)) {
    return ctx.resolver.resolveEntity(name) === undefined ? { kind: 'person', name, span } : undefined;
  }
  // A "person" with a body's head word is a body read wrongly ("Joseph Rowntree Foundation").
  if (span.label === 'PERSON' && !BODY_HEAD.test(name)) return undefined;
  if (!isCapitalisedName(name) || NOT_A_BODY.test(name) || isGeneric(name)) return undefined;
  // A body is not a person of this Update, nor shaped like one without a body's word ("Cate Duffy").
  if (ctx.people.has(normaliseName(name)) || (personShaped(name) && !BODY_HEAD.test(name))) return undefined;
  if (ctx.resolver.resolveEntity(name) !== undefined) return undefined;
  const before = sentence.slice(0, span.start);
  const after = sentence.slice(span.end);
  const orgKind = kindOfBody(name, sentence);
  const personOf = personOfBefore(before, ctx.people);
  if (ACRONYM.test(name)) {
    // An acronym alone is as often a topic (SEND, EHCP) as a body: it counts when it abbreviates a
    // long form this Update names, which is then the body meant, or where only a body stands.
    const long = ctx.longForms.find((l) => abbreviates(name, l));
    if (long !== undefined) return { kind: 'organisation', name: long, orgKind, span };
    const stands = personOf || ACRONYM_STANDS.test(before) || BODY_AFTER.test(after);
    return stands ? { kind: 'organisation', name, orgKind, span } : undefined;
  }
  const stands = BODY_BEFORE.test(before) || BODY_AFTER.test(after);
  const shaped = BODY_HEAD.test(name) && name.split(' ').length >= 2;
  return shaped || personOf || (stands && orgKind !== null) || (stands && name.split(' ').length >= 2)
    ? { kind: 'organisation', name, orgKind, span }
    : undefined;
}

/**
 * Adds what the rules confirm of the statistical reader's spans: people (returned as written, so
 * that readMentions links every sentence naming them) and bodies data/ does not know, kept under the
 * name as written with their kind and, for an acronym read as its long form, the acronym as alias.
 */
export function readProposedNames(ctx: Context, inRoles: readonly string[]): string[] {
  const reportTitles = ctx.graph.nodesOf('Report').map((n) => String(n.props.title));
  const spansOf = (sentence: string) => ctx.names.get(sentence) ?? [];
  // Each sentence's data/ mentions, read once: for the long forms here and for the overlap check below.
  const all = ctx.passages.flatMap((p) => p.sentences);
  const mentionsOf = new Map(all.map((sentence) => [sentence, ctx.resolver.findMentions(sentence)]));
  const proposedAs = (label: NameSpan['label']): string[] =>
    all.flatMap((sentence) =>
      spansOf(sentence)
        .filter((x) => x.label === label)
        .map((x) => tidySpan(x.text)),
    );
  const longForms = [...[...mentionsOf.values()].flat().map((m) => m.text), ...proposedAs('ORG')].filter(
    (name) => name.includes(' '),
  );
  const people = new Set(
    [...inRoles, ...ctx.doc.contacts.map((c) => c.name), ...proposedAs('PERSON')].map((name) =>
      normaliseName(ctx.resolver.resolvePerson(name).name),
    ),
  );
  const confirmContext = { resolver: ctx.resolver, people, reportTitles, longForms };
  const proposed: string[] = [];
  for (const { ref, mentions, sentences, title } of ctx.passages) {
    for (const sentence of sentences) {
      if (title.has(sentence)) continue;
      const mentioned = mentionsOf.get(sentence) ?? [];
      for (const span of spansOf(sentence)) {
        if (mentioned.some((k) => span.start < k.offset + k.text.length && k.offset < span.end)) continue;
        const found = confirmSpan(span, sentence, confirmContext);
        if (found?.kind === 'person') {
          proposed.push(found.name);
          const body = bodyAfterPerson(ctx, sentence.slice(found.span.end), sentence);
          if (body !== undefined) {
            const where = { source: ref.key, quote: sentence };
            linkRole(ctx, addPerson(ctx, found.name), body, { role: '', honorific: null }, where);
          }
        }
        if (found?.kind !== 'organisation') continue;
        const known = ctx.resolver.resolveEntity(found.name);
        const written = tidySpan(span.text);
        const node =
          known !== undefined
            ? addEntity(ctx, known)
            : ctx.graph.node(proposedOrganisationNode(found.name, found.orgKind, written));
        ctx.graph.edge(mentions, ref, node, { source: ref.key, quote: sentence }, { written });
      }
    }
  }
  return [...new Set(proposed)];
}

// "Kirsty Doull, of CELCIS", "Clare Bracey of Become.": the body right after a person's name.
const OF_BODY =
  /^,?\s+(?:of|at)\s+(?:the\s+)?(\p{Lu}[\p{L}'’&-]*(?:\s+(?:of|for|and|&|the|\p{Lu}[\p{L}'’&-]*))*)/u;

function bodyAfterPerson(ctx: Context, after: string, sentence: string): Body | undefined {
  const m = OF_BODY.exec(after);
  if (m === null) return undefined;
  // "… of Care Leavers Association and Clare Bracey of Become": the body ends before the next person.
  const name = m[1]!
    .replace(/\s+and\s+\p{Lu}\p{Ll}+\s+\p{Lu}[\p{L}'’-]+\s+(?:of|at)\b.*$/u, '')
    .replace(/(?:\s+(?:of|for|and|&|the))+$/u, '');
  const known = ctx.resolver.resolveEntity(name);
  if (known !== undefined) return known.kind === 'network' ? undefined : known;
  if (isGeneric(name) || NOT_A_BODY.test(name) || personShaped(name)) return undefined;
  ctx.graph.node(proposedOrganisationNode(name, kindOfBody(name, sentence), name));
  return { kind: 'unknown', name };
}
