import type { NodeLabel, PropertyType } from './labels.js';

/**
 * The edge catalogue: every relationship type once, with the labels it leaves and reaches, whether the
 * extractor reads it from one Update or it is derived over the whole graph, and the properties it carries
 * besides its evidence (src/graph/evidence.ts) and its `key` (which tells apart several edges of one type
 * between the same two nodes). API hops, the loader and the GraphQL edge types all read it.
 */
export interface EdgeSpec {
  from: readonly NodeLabel[];
  to: readonly NodeLabel[];
  derived: boolean;
  props: Readonly<Record<string, PropertyType>>;
  description: string;
}

const edge = (
  from: readonly NodeLabel[],
  to: readonly NodeLabel[],
  description: string,
  props: Record<string, PropertyType> = {},
  derived = false,
): EdgeSpec => ({ from, to, derived, props, description });

/** What a role edge carries: the role as written ("DCS", "Lead Member") and an honorific (Cllr, Dame…). */
const ROLE = { role: 'string', honorific: 'string' } as const;

const NAMED = ['Person', 'Organisation', 'LocalAuthority', 'Network'] as const satisfies NodeLabel[];

export const EDGE_CATALOGUE = {
  HAS_ITEM: edge(['Issue'], ['Item'], 'An Update and its headed items, in order.', {
    position: 'int',
    section: 'string',
  }),
  CITES: edge(['Item'], ['Report'], 'An item names a publication.'),
  // A council or a network can publish too (a local authority's annual report, a network's toolkit).
  PUBLISHED_BY: edge(['Report'], ['Organisation', 'LocalAuthority', 'Network'], 'Who put a publication out.'),
  AUTHORED_BY: edge(['Report'], ['Person'], 'A named author of a publication.'),
  MENTIONS: edge(['Item'], NAMED, 'An item names a person or body.', { written: 'string' }),
  // The page around the items ("please contact Richard Tyndall, SESLI Programme Manager"): the Issue's own words.
  HEADER_MENTIONS: edge(
    ['Issue'],
    NAMED,
    "The page's header or intro names a person or body: once per Update, never an item.",
    { written: 'string' },
  ),
  LISTED_IN: edge(['Person'], ['Issue'], "A person in an Update's contact list, with the role as written.", {
    role: 'string',
    organisation: 'string',
    email: 'string',
    phone: 'string',
  }),
  // One edge per role (its key): who held which role where, and when (firstSeen, lastSeen).
  WORKS_FOR: edge(['Person'], ['Organisation'], 'A person with an organisation, in a role as written.', ROLE),
  BASED_AT: edge(
    ['Person'],
    ['LocalAuthority'],
    'A person at a local authority, in a role as written.',
    ROLE,
  ),
  CONTACT_FOR: edge(['Person'], ['Network'], 'The person to ask about a network.'),
  HOLDS: edge(['Network'], ['Meeting'], 'A network and its meetings.'),
  ANNOUNCED_IN: edge(['Meeting'], ['Item'], 'The items that announced a meeting.'),
  CONTACT: edge(['Meeting'], ['Person'], 'The person to ask about a meeting.'),
  INVOLVES: edge(['Meeting'], ['LocalAuthority'], 'Authorities taking part in a meeting (triads).'),
  INSPECTED: edge(['LocalAuthority'], ['Organisation'], 'An inspection result, the inspectorate as target.', {
    framework: 'string',
    grade: 'string',
    daysWaited: 'int',
    nationalRank: 'int',
    asAt: 'date',
  }),
  FEEDS: edge(
    ['Report'],
    ['Network'],
    'A report bears on a network (derived from the citing items, the names and the lexicon).',
    { rule: 'string', rules: 'string[]', terms: 'string[]' },
    true,
  ),
  POSSIBLY_SAME_AS: edge(
    ['Person'],
    ['Person'],
    'Same surname and initial, different name: a doubt for a person to settle, never a merge.',
    {},
    true,
  ),
} as const satisfies Record<string, EdgeSpec>;

export type EdgeType = keyof typeof EDGE_CATALOGUE;
export const EDGE_TYPES = Object.keys(EDGE_CATALOGUE) as EdgeType[];
export const EXTRACTED_EDGE_TYPES = EDGE_TYPES.filter((type) => !EDGE_CATALOGUE[type].derived);
export const DERIVED_EDGE_TYPES = EDGE_TYPES.filter((type) => EDGE_CATALOGUE[type].derived);
export type ExtractedEdgeType = Exclude<EdgeType, 'FEEDS' | 'POSSIBLY_SAME_AS'>;

/** The integer properties of an edge type: the loader stores these as Neo4j integers. */
export const integerEdgePropertiesOf = (type: EdgeType): string[] =>
  Object.entries(EDGE_CATALOGUE[type].props as Record<string, PropertyType>)
    .filter(([, propertyType]) => propertyType === 'int')
    .map(([name]) => name);

/** One way along an edge type, from a parent: the labels of the nodes it reaches. */
export interface Hop {
  type: EdgeType;
  direction: 'out' | 'in';
}

export const reachedLabels = ({ type, direction }: Hop): readonly NodeLabel[] =>
  direction === 'out' ? EDGE_CATALOGUE[type].to : EDGE_CATALOGUE[type].from;
