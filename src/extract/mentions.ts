import { HONORIFIC } from '../text/honorifics.js';
import { addEntity, addPerson, type Context } from './context.js';
import { PhraseMatcher } from './matcher.js';
import { isPostalAddress } from '../text/addresses.js';
import { unknownOrganisationNode } from './nodes.js';
import { bodiesByShape } from './organisations.js';

/**
 * What each item mentions, sentence by sentence: every local authority, organisation and network
 * that data/ knows (findMentions), the bodies data/ does not know (named elsewhere in this Update,
 * or by the shape of their name, with a warning), and the people of this Update. A postal address
 * is not a mention.
 *
 * People are not in data/, so only names this Update vouches for are looked for: its contacts, the
 * contacts of its meetings ("More from X"), and names an item introduces as a contact
 * ("Alison Rendle (contact details below) writes"), and those named in a role (`namedInProse`:
 * "Sarah Whitfield (DCS Surrey)"). A given name alone counts only in such an
 * introduction ("please contact Isabelle, details below"), and only when exactly one of those
 * people has it; otherwise it is warned.
 */
export function readMentions(ctx: Context, namedInProse: string[]): void {
  const people = [...new Set([...peopleOfUpdate(ctx), ...namedInProse])];
  const matcher = new PhraseMatcher(
    people.flatMap((name) => {
      const person = ctx.resolver.resolvePerson(name);
      return [name, person.name, ...person.variants].map((phrase) => ({ phrase, value: name }));
    }),
    { plurals: false },
  );
  const unknownBodies = new PhraseMatcher(
    ctx.graph
      .nodesOf('Organisation')
      .filter((n) => ctx.resolver.resolveEntity(String(n.props.name)) === undefined)
      .map((n) => ({ phrase: String(n.props.name), value: n })),
    { plurals: false },
  );
  for (const { ref, mentions, sentences: passage, title, line } of ctx.passages) {
    for (const sentence of passage) {
      if (isPostalAddress(sentence)) continue;
      const where = { source: ref.key, quote: sentence };
      const known = ctx.resolver.findMentions(sentence);
      for (const m of known) {
        ctx.graph.edge(mentions, ref, addEntity(ctx, m), where, { written: m.text });
      }
      // Bodies this Update names elsewhere (a publisher kept as written), then bodies by the shape of
      // their name; item titles are title-cased, so only running text is read for shapes.
      const local = unknownBodies.longest(sentence);
      for (const m of local) {
        ctx.graph.edge(mentions, ref, ctx.graph.node(m.value), where, { written: m.text });
      }
      const seen = [...known, ...local.map((m) => ({ text: m.text, offset: m.start }))];
      for (const body of title.has(sentence) ? [] : bodiesByShape(sentence, seen)) {
        ctx.graph.warn(
          line,
          `"${body.text}" reads as a body that is not in data/: kept as an Organisation named as written`,
        );
        const node = ctx.graph.node(unknownOrganisationNode(body.text));
        ctx.graph.edge(mentions, ref, node, where, { written: body.text });
      }
      for (const m of matcher.longest(sentence)) {
        ctx.graph.edge(mentions, ref, addPerson(ctx, m.value), where, { written: m.text });
      }
      for (const given of introductions(sentence).filter(isGivenName)) {
        const person = byGivenName(ctx, people, given, line);
        if (person !== undefined)
          ctx.graph.edge(mentions, ref, addPerson(ctx, person), where, { written: given });
      }
    }
  }
}

/** The people of this Update, each by the name as first written. */
function peopleOfUpdate(ctx: Context): string[] {
  const introduced = ctx.passages.flatMap((p) => p.sentences.flatMap(introductions));
  return [
    ...new Set([
      ...ctx.doc.contacts.map((c) => c.name),
      ...[...ctx.doc.meetings, ...ctx.doc.undated].flatMap((m) => (m.contact === null ? [] : [m.contact])),
      ...introduced.filter((name) => !isGivenName(name)),
    ]),
  ];
}

const isGivenName = (name: string): boolean => !/\s/.test(name);

function byGivenName(ctx: Context, people: string[], given: string, line: number): string | undefined {
  const matches = people.filter((name) => ctx.resolver.resolvePerson(name).name.split(' ')[0] === given);
  if (matches.length !== 1) {
    ctx.graph.warn(
      line,
      `"${given}" (details below) matches ${matches.length} people of this Update, not one`,
    );
    return undefined;
  }
  return matches[0];
}

// "Rosemary Perry (contact details below) writes", "contact Isabelle, details below", "Alison Rendle writes".
const NAME = String.raw`(?:${HONORIFIC}\s+)?\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}`;
const INTRODUCED = new RegExp(
  String.raw`(${NAME})\s*(?:\(\s*|,\s*)(?:contact\s+)?details\s+below|^(${NAME})\s+writes\b`,
  'gu',
);
// Capitalised words before a name, and words that make a job title rather than a name.
const LEADING_WORDS = /^(?:(?:Please|Contact|Email|Ask|For|From|To|Or|And)\s+)+/;
const ROLE_WORDS =
  /\b(?:Manager|Programme|Adviser|Officer|Lead|Consultant|Network|Team|Group|Council|Director)\b/;

/** The names a sentence introduces as people to contact. */
function introductions(sentence: string): string[] {
  // Both shapes of INTRODUCED hold one of these words: most sentences are done at once.
  if (!sentence.includes('details') && !sentence.includes('writes')) return [];
  return Array.from(sentence.matchAll(INTRODUCED), (m) =>
    (m[1] ?? m[2] ?? '').replace(LEADING_WORDS, ''),
  ).filter((name) => name !== '' && !ROLE_WORDS.test(name));
}
