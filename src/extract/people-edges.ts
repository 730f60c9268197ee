import type { Contact } from '../parse/document.js';
import { addEntity, addPerson, issueSource, type Context } from './context.js';
import type { Source } from './graph.js';
import { unknownOrganisationNode } from './nodes.js';
import type { NodeRef } from './records.js';
import type { Network } from './reference.js';
import { networkContactIn, peopleInSentence, type Body } from './prose-people.js';
import type { Resolver } from './resolve.js';
import { normaliseName } from '../text/names.js';

/**
 * The contact list at the foot of an Update: who is listed, in what role, where they work, and the
 * networks their role names. These are facts about the Issue, so their source is the Issue's key.
 */
export function readContactList(ctx: Context): void {
  for (const contact of ctx.doc.contacts) {
    const person = addPerson(ctx, contact.name);
    const where = issueSource(ctx, contactLine(contact));
    const { role, organisation, email, phone } = contact;
    ctx.graph.edge('LISTED_IN', person, ctx.issue, where, { role, organisation, email, phone });
    if (contact.organisation !== null)
      linkEmployer(ctx, person, contact.organisation, contact.line, where, role);
    for (const network of networksInRole(ctx.resolver, role)) {
      ctx.graph.edge('CONTACT_FOR', person, addEntity(ctx, { kind: 'network', entry: network }), where);
    }
  }
}

/** The contact's line as the Update prints it: "Data and Information Manager: Luke Ede (East Sussex)". */
const contactLine = ({ role, name, organisation }: Contact): string =>
  `${role}: ${name}${organisation === null ? '' : ` (${organisation})`}`;

/**
 * The body in brackets after the name: a council is where they are based, anything else whom they
 * work for, each with the role of the contact line (a network they are the contact for has no role).
 */
function linkEmployer(
  ctx: Context,
  person: NodeRef,
  employer: string,
  line: number,
  where: Source,
  role: string,
): void {
  const entity = ctx.resolver.resolveEntity(employer);
  if (entity === undefined) {
    ctx.graph.warn(
      line,
      `organisation "${employer}" is not in data/: kept as an Organisation named as written`,
    );
    linkRole(ctx, person, { kind: 'unknown', name: employer }, { role, honorific: null }, where);
  } else if (entity.kind === 'network') {
    ctx.graph.edge('CONTACT_FOR', person, addEntity(ctx, entity), where);
  } else {
    linkRole(ctx, person, entity, { role, honorific: null }, where);
  }
}

/**
 * A person's role at a body, as written ("DCS", "Lead Member"): BASED_AT a council, WORKS_FOR any
 * other body. Keyed by the role, so that one person's several roles at one body are several edges,
 * and the same role read in later Updates adds evidence (dated: who was DCS of Portsmouth in 2019).
 */
export function linkRole(
  ctx: Context,
  person: NodeRef,
  body: Body,
  { role, honorific }: { role: string; honorific: string | null },
  where: Source,
): void {
  const to =
    body.kind === 'unknown' ? ctx.graph.node(unknownOrganisationNode(body.name)) : addEntity(ctx, body);
  const type = body.kind === 'authority' ? 'BASED_AT' : 'WORKS_FOR';
  ctx.graph.edge(type, person, to, where, { role, honorific }, normaliseName(role));
}

/**
 * People named with their role in the items' sentences ("Sarah Whitfield (DCS Surrey)", "contact
 * Amira Shah at Family Rights Group"), each role an edge to its body with the sentence as evidence.
 * A body may be one this Update names that data/ does not know (a publisher kept as written).
 * Returns the names as written, for the mentions.
 */
export function readPeopleInProse(ctx: Context): string[] {
  const unknown = new Map(
    ctx.graph.nodesOf('Organisation').map((n) => [n.key, String(n.props.name)] as const),
  );
  const bodyOf = (name: string): Body | undefined => {
    const entity = ctx.resolver.resolveEntity(name);
    if (entity !== undefined) return entity.kind === 'network' ? undefined : entity;
    const written = unknown.get(normaliseName(name));
    return written === undefined ? undefined : { kind: 'unknown', name: written };
  };
  const named: string[] = [];
  for (const { ref, sentences } of ctx.passages) {
    let lastNetwork: Network | undefined;
    for (const sentence of sentences) {
      const networks = ctx.resolver.findMentions(sentence).filter((m) => m.kind === 'network');
      const inSentence = peopleInSentence(sentence, bodyOf);
      // "The Network is co-sponsored by Lucy Butler (DCS Oxfordshire) and Cate Duffy (DCS Slough)".
      const led = networkLedIn(sentence, networks.at(0)?.entry ?? lastNetwork);
      if (led !== undefined) {
        for (const found of inSentence) {
          ctx.graph.edge(
            'CONTACT_FOR',
            addPerson(ctx, found.written),
            addEntity(ctx, { kind: 'network', entry: led }),
            {
              source: ref.key,
              quote: sentence,
            },
          );
        }
      }
      lastNetwork = networks.at(-1)?.entry ?? lastNetwork;
      const contact = networkContactIn(sentence, networks);
      if (contact !== undefined) {
        named.push(contact.written);
        const where = { source: ref.key, quote: sentence };
        ctx.graph.edge(
          'CONTACT_FOR',
          addPerson(ctx, contact.written),
          addEntity(ctx, contact.network),
          where,
        );
      }
      for (const found of inSentence) {
        named.push(found.written);
        const person = addPerson(ctx, found.written);
        for (const { role, body } of found.roles) {
          linkRole(
            ctx,
            person,
            body,
            { role, honorific: found.honorific },
            { source: ref.key, quote: sentence },
          );
        }
      }
    }
  }
  return named;
}

// Who leads or answers for a network: its sponsors, co-chairs and named contacts.
const LEADS =
  /\b(?:(?:co-?)?sponsor(?:s|ed)?|(?:co-?)?chair(?:s|ed)?|(?:co-?)?lead(?:s)?\s+(?:for|of)|contacts\s+(?:are|for)|contact\s+is)\b/iu;
// "The Network is …", "The group is …": the network the passage last named.
const ANAPHOR = /^(?:The|This)\s+(?:Network|network|group|Group|forum|Forum)\b/u;

/**
 * The network a sentence says its people lead or answer for: one the sentence names, or the one the
 * passage named last when the sentence refers back to it ("The Network is co-sponsored by …").
 */
function networkLedIn(sentence: string, named: Network | undefined): Network | undefined {
  if (!LEADS.test(sentence) || named === undefined) return undefined;
  const names = sentence.includes(named.name) || named.aliases.some((a) => sentence.includes(a));
  return names || ANAPHOR.test(sentence) ? named : undefined;
}

/**
 * The networks a contact's role names. A role may be a network's name ("Data Benchmarking:"), name
 * one in passing as a network, group or board ("Convener Of SE Quality Assurance Network"), or list several before a shared
 * "Network(s)": "Adoption; Fostering; Kinship and Early Help Regional Networks" is four networks and
 * "CSC Workforce, PSW and AD Safeguarding Network Lead" two (CSC Workforce and PSW are one network).
 */
export function networksInRole(resolver: Resolver, role: string): Network[] {
  const whole = resolver.resolveNetwork(role);
  if (whole !== undefined) return [whole];
  const named = resolver
    .findMentions(role)
    .flatMap((m) => (m.kind === 'network' && NETWORK_NOUN.test(m.text) ? [m.entry] : []));
  return [...new Set([...named, ...listedNetworks(resolver, role)])];
}

// A role naming a network's topic ("Service Manager, Early Help, …") names a service, not the network.
const NETWORK_NOUN = /\b(?:Network|Group|Board|Forum|Branch|Community of Practice)\b/i;

function listedNetworks(resolver: Resolver, role: string): Network[] {
  const heads = role.split(/\bNetworks?\b/).slice(0, -1);
  return heads
    .flatMap((head) => head.split(/[;,]|\band\b/))
    .flatMap((part) => {
      const network = networkEndingWith(resolver, part);
      return network === undefined ? [] : [network];
    });
}

/** "Convener Of SE Quality Assurance" + " Network": the longest run of final words that names a network. */
function networkEndingWith(resolver: Resolver, part: string): Network | undefined {
  const words = part
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  for (let start = 0; start < words.length; start++) {
    const network = resolver.resolveNetwork(`${words.slice(start).join(' ')} Network`);
    if (network !== undefined) return network;
  }
  return undefined;
}
