import type { Contact } from '../parse/document.js';
import { addEntity, addPerson, issueSource, type Context } from './context.js';
import type { Source } from './graph.js';
import { unknownOrganisationNode } from './nodes.js';
import type { NodeRef } from './records.js';
import type { Network } from './reference.js';
import type { Resolver } from './resolve.js';

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
    if (contact.organisation !== null) linkEmployer(ctx, person, contact.organisation, contact.line, where);
    for (const network of networksInRole(ctx.resolver, role)) {
      ctx.graph.edge('CONTACT_FOR', person, addEntity(ctx, { kind: 'network', entry: network }), where);
    }
  }
}

/** The contact's line as the Update prints it: "Data and Information Manager: Luke Ede (East Sussex)". */
const contactLine = ({ role, name, organisation }: Contact): string =>
  `${role}: ${name}${organisation === null ? '' : ` (${organisation})`}`;

/** The body in brackets after the name: a council is where they are based, anything else whom they work for. */
function linkEmployer(ctx: Context, person: NodeRef, employer: string, line: number, where: Source): void {
  const entity = ctx.resolver.resolveEntity(employer);
  if (entity === undefined) {
    ctx.graph.warn(
      line,
      `organisation "${employer}" is not in data/: kept as an Organisation named as written`,
    );
    ctx.graph.edge('WORKS_FOR', person, ctx.graph.node(unknownOrganisationNode(employer)), where);
    return;
  }
  const body = addEntity(ctx, entity);
  const type = { authority: 'BASED_AT', organisation: 'WORKS_FOR', network: 'CONTACT_FOR' } as const;
  ctx.graph.edge(type[entity.kind], person, body, where);
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
