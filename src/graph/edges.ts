import type { NodeLabel, PropertyType } from './labels.js';

/**
 * The edge catalogue: every relationship type once, with the labels it leaves and reaches, whether the
 * extractor reads it from one Update or it is derived over the whole graph, the properties it carries
 * besides its evidence (src/graph/evidence.ts) and its `key` (which tells apart several edges of one type
 * between the same two nodes), and the fields that walk it. It is the only declaration of a relationship:
 * the loader, the API's hop fields and edge types, the explorer, the @neo4j/graphql peer (bench/peer) and
 * the edge table of docs/graph-model.md are all read from it, and test/graph/catalogue.test.ts fails when
 * one of them drifts.
 */
export interface EdgeSpec {
  from: readonly NodeLabel[];
  to: readonly NodeLabel[];
  derived: boolean;
  props: Readonly<Record<string, PropertyType>>;
  description: string;
  fields: readonly HopFieldSpec[];
}

/**
 * A field that walks an edge type from one end. `out` sits on the edge's `from` labels and reaches its `to`
 * labels, `in` the reverse; `both` walks either way, for an edge whose direction means nothing.
 * - a `connection` is paged and counted, each edge with the relationship's data and evidence; a `dated` one
 *   also takes a period (from/to) and an order, by the date of the node reached;
 * - `one` is the first node reached (an item's Update, a report's publisher), or none;
 * - a `list` is the nodes reached, without the relationship's data.
 */
export interface HopFieldSpec {
  name: string;
  direction: 'out' | 'in' | 'both';
  shape: 'connection' | 'one' | 'list';
  dated: boolean;
  /** The labels at that end that carry the field; every one of them when the spec does not narrow it. */
  on?: readonly NodeLabel[];
  description: string;
}

type FieldOptions = Partial<Pick<HopFieldSpec, 'shape' | 'dated' | 'on'>>;
const field =
  (direction: HopFieldSpec['direction']) =>
  (name: string, description: string, options: FieldOptions = {}): HopFieldSpec => ({
    name,
    direction,
    shape: 'connection',
    dated: false,
    description,
    ...options,
  });
/** A field on the edge's start, reaching its end. */
const outward = field('out');
/** A field on the edge's end, reaching back to its start. */
const inward = field('in');
const eitherWay = field('both');
const ONE = { shape: 'one' } as const;
const DATED = { dated: true } as const;

const edge = (
  from: readonly NodeLabel[],
  to: readonly NodeLabel[],
  description: string,
  spec: { props?: Record<string, PropertyType>; derived?: boolean; fields: HopFieldSpec[] },
): EdgeSpec => ({
  from,
  to,
  derived: spec.derived ?? false,
  props: spec.props ?? {},
  description,
  fields: spec.fields,
});

/** What a role edge carries: the role as written ("DCS", "Lead Member") and an honorific (Cllr, Dame…). */
const ROLE = { role: 'string', honorific: 'string' } as const;

const NAMED = ['Person', 'Organisation', 'LocalAuthority', 'Network'] as const satisfies NodeLabel[];
// A council or a network can publish too (a local authority's annual report, a network's toolkit).
const PUBLISHERS = ['Organisation', 'LocalAuthority', 'Network'] as const satisfies NodeLabel[];

/**
 * The sets of labels one field can reach, by the name the API and the peer give them: a field whose end
 * has several labels reaches one of these.
 */
export const LABEL_GROUPS = {
  Mentionable: NAMED,
  Publisher: PUBLISHERS,
} as const satisfies Record<string, readonly NodeLabel[]>;
export type LabelGroup = keyof typeof LABEL_GROUPS;

/** What the API is to say of what names a person or body: the same for each kind. */
const MENTIONED_IN = 'Items that name it, newest first; from/to bound the Update date.';

export const EDGE_CATALOGUE = {
  HAS_ITEM: edge(['Issue'], ['Item'], 'An Update and its headed items, in order.', {
    props: { position: 'int', section: 'string' },
    fields: [
      outward('items', 'The headed items, in the order of the Update.'),
      inward('issue', 'The Update the item appeared in.', ONE),
    ],
  }),
  CITES: edge(['Item'], ['Report'], 'An item names a publication.', {
    fields: [
      outward('reports', 'Reports the item cites.'),
      inward('citedIn', 'Items that cite it, newest first.'),
    ],
  }),
  PUBLISHED_BY: edge(['Report'], PUBLISHERS, 'Who put a publication out.', {
    fields: [
      outward('publisher', 'Who published it: an organisation, a local authority or a network.', ONE),
      inward('reports', 'Reports it published, newest first.', { ...DATED, on: ['Organisation'] }),
      inward('published', 'Reports it published itself, newest first.', {
        ...DATED,
        on: ['LocalAuthority', 'Network'],
      }),
    ],
  }),
  AUTHORED_BY: edge(['Report'], ['Person'], 'A named author of a publication.', {
    fields: [outward('authors', 'Named authors.')],
  }),
  MENTIONS: edge(['Item'], NAMED, 'An item names a person or body.', {
    props: { written: 'string' },
    fields: [
      outward('mentions', 'People, organisations, local authorities and networks the item names.'),
      inward('mentionedIn', MENTIONED_IN, DATED),
    ],
  }),
  // The page around the items ("please contact Richard Tyndall, SESLI Programme Manager"): the Issue's own words.
  HEADER_MENTIONS: edge(
    ['Issue'],
    NAMED,
    "The page's header or intro names a person or body: once per Update, never an item.",
    { props: { written: 'string' }, fields: [] },
  ),
  // A person's side of it is read as a list of roles and, with an API key, of contact details (src/api/types/person.ts).
  LISTED_IN: edge(['Person'], ['Issue'], "A person in an Update's contact list, with the role as written.", {
    props: { role: 'string', organisation: 'string', email: 'string', phone: 'string' },
    fields: [inward('contacts', "The Update's contact list.")],
  }),
  // One edge per role (its key): who held which role where, and when (firstSeen, lastSeen).
  WORKS_FOR: edge(['Person'], ['Organisation'], 'A person with an organisation, in a role as written.', {
    props: ROLE,
    fields: [
      outward('organisations', 'Organisations they work for.'),
      inward('people', 'People listed as working for it.'),
    ],
  }),
  BASED_AT: edge(['Person'], ['LocalAuthority'], 'A person at a local authority, in a role as written.', {
    props: ROLE,
    fields: [
      outward('localAuthorities', 'Local authorities they are based at.'),
      inward('people', 'People listed as based there.'),
    ],
  }),
  CONTACT_FOR: edge(['Person'], ['Network'], 'The person to ask about a network.', {
    fields: [
      outward('networks', 'Networks they are the contact for.'),
      inward('contacts', 'Its contact people.'),
    ],
  }),
  HOLDS: edge(['Network'], ['Meeting'], 'A network and its meetings.', {
    fields: [
      outward('meetings', 'Its meetings, newest first; from/to bound the meeting date.', DATED),
      inward('network', 'The network holding it; null for a standalone event.', ONE),
    ],
  }),
  ANNOUNCED_IN: edge(['Meeting'], ['Item'], 'The items that announced a meeting.', {
    fields: [
      outward('announcedIn', 'Items that announced it.'),
      inward('meetings', 'Meetings and events the item announces.'),
    ],
  }),
  CONTACT: edge(['Meeting'], ['Person'], 'The person to ask about a meeting.', {
    fields: [outward('contact', 'The person to ask ("More from …").', ONE)],
  }),
  INVOLVES: edge(['Meeting'], ['LocalAuthority'], 'Authorities taking part in a meeting (triads).', {
    fields: [
      outward('localAuthorities', 'Authorities taking part.'),
      inward('meetings', 'Meetings and events it takes part in (e.g. triads).', DATED),
    ],
  }),
  INSPECTED: edge(['LocalAuthority'], ['Organisation'], 'An inspection result, the inspectorate as target.', {
    props: { framework: 'string', grade: 'string', daysWaited: 'int', nationalRank: 'int', asAt: 'date' },
    fields: [
      outward('inspections', 'Inspection results, the inspectorate as node.'),
      inward('inspected', 'Local authorities it inspected, with the grades (Ofsted).'),
    ],
  }),
  FEEDS: edge(
    ['Report'],
    ['Network'],
    'A report bears on a network (derived from the citing items, the names and the lexicon).',
    {
      props: { rule: 'string', rules: 'string[]', terms: 'string[]' },
      derived: true,
      fields: [
        outward(
          'feeds',
          'Networks it feeds (derived: see Network.reports), with the rule and matched terms.',
        ),
        inward(
          'reports',
          'Reports that feed it (derived), with the rule, the matched terms and the citing items.',
        ),
      ],
    },
  ),
  POSSIBLY_SAME_AS: edge(
    ['Person'],
    ['Person'],
    'Same surname and initial, different name: a doubt for a person to settle, never a merge.',
    {
      derived: true,
      fields: [
        eitherWay(
          'possiblySameAs',
          'Other people with the same surname and initial: a candidate for a person to confirm, never merged.',
          { shape: 'list' },
        ),
      ],
    },
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

/** A field of the catalogue as it appears on one label: its name, the edge type and the way it walks it. */
export interface HopField extends Omit<HopFieldSpec, 'on'> {
  label: NodeLabel;
  type: EdgeType;
  /** The labels it reaches. */
  reaches: readonly NodeLabel[];
}

const endsOf = (spec: EdgeSpec, direction: HopFieldSpec['direction']) =>
  direction === 'out'
    ? { at: spec.from, reaches: spec.to }
    : direction === 'in'
      ? { at: spec.to, reaches: spec.from }
      : { at: [...new Set([...spec.from, ...spec.to])], reaches: [...new Set([...spec.from, ...spec.to])] };

/** Every hop field of the catalogue, label by label, in the catalogue's order. */
export const HOP_FIELDS: readonly HopField[] = EDGE_TYPES.flatMap((type) => {
  const spec: EdgeSpec = EDGE_CATALOGUE[type];
  return spec.fields.flatMap(({ on, ...field }) => {
    const { at, reaches } = endsOf(spec, field.direction);
    return (on ?? at).map((label) => ({ ...field, label, type, reaches }));
  });
});

/** The hop fields a label carries. */
export const hopFieldsOf = (label: NodeLabel): HopField[] => HOP_FIELDS.filter((f) => f.label === label);

/** The name the API and the peer give the labels a field reaches: the label itself, or its group's name. */
export function targetNameOf(labels: readonly NodeLabel[]): NodeLabel | LabelGroup {
  if (labels.length === 1) return labels[0]!;
  const same = (group: readonly NodeLabel[]) =>
    group.length === labels.length && group.every((label) => labels.includes(label));
  const found = (Object.keys(LABEL_GROUPS) as LabelGroup[]).find((name) => same(LABEL_GROUPS[name]));
  if (found === undefined) throw new Error(`no group in LABEL_GROUPS for ${labels.join(', ')}`);
  return found;
}
