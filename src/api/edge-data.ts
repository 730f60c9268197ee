import type { EdgeType } from '../graph/index.js';
import type { RelData } from '../storage/rows.js';
import type { EdgeFieldBuilder, EdgeFields } from './fields.js';
import { readsEdge } from './selection.js';

/**
 * The relationship's own data as the edges of a hop connection show it, by edge type, the same from either
 * end. Which fields walk an edge type is the catalogue's to say (src/graph/edges.ts); what its edges show
 * is the API's, because not every stored value is public (a contact list's email and phone need a key).
 */

/** Readers of a relationship's own values, checked against the type the field declares. */
export const relText = (edge: { rel: RelData }, name: string): string | null => {
  const value = edge.rel.values[name];
  return typeof value === 'string' ? value : null;
};
export const relInt = (edge: { rel: RelData }, name: string): number | null => {
  const value = edge.rel.values[name];
  return typeof value === 'number' ? value : null;
};
/** A value the relationship must carry: missing (or not read), it is an error, never a default. */
function present<T>(value: T | null, name: string): T {
  if (value === null) throw new Error(`the relationship has no ${name} in the graph, or it was not read`);
  return value;
}
export const requiredText = (edge: { rel: RelData }, name: string): string =>
  present(relText(edge, name), name);
export const requiredInt = (edge: { rel: RelData }, name: string): number =>
  present(relInt(edge, name), name);
export const relTexts = (edge: { rel: RelData }, name: string): string[] => {
  const value = edge.rel.values[name];
  return Array.isArray(value) ? value : [];
};

type WithRel = { rel: RelData };

/**
 * Field options showing the stored `property` of a relationship type: declared (readsEdge), so that the
 * request reads it and the schema build checks it against the edge catalogue, and read by its type.
 */
export const showsOf = (type: EdgeType) => {
  const shown =
    <V>(read: (edge: WithRel, property: string) => V) =>
    (property: string) => ({
      extensions: readsEdge(type, property),
      resolve: (edge: WithRel) => read(edge, property),
    });
  return {
    text: shown(relText),
    requiredText: shown(requiredText),
    int: shown(relInt),
    requiredInt: shown(requiredInt),
    texts: shown(relTexts),
  };
};

/** What a role edge (WORKS_FOR, BASED_AT) carries: the role as written and the honorific it was given with. */
const roleEdgeFields = (type: 'WORKS_FOR' | 'BASED_AT') => (e: EdgeFieldBuilder) => {
  const shows = showsOf(type);
  return {
    role: e.string({
      nullable: true,
      description:
        'The role as written ("DCS", "Lead Member for Children"); its dates are firstSeen and lastSeen.',
      ...shows.text('role'),
    }),
    honorific: e.string({ nullable: true, ...shows.text('honorific') }),
  };
};

const HAS_ITEM = showsOf('HAS_ITEM');
const LISTED_IN = showsOf('LISTED_IN');
const MENTIONS = showsOf('MENTIONS');
const INSPECTED = showsOf('INSPECTED');
export const FEEDS = showsOf('FEEDS');

export const EDGE_DATA: Partial<Record<EdgeType, EdgeFields>> = {
  HAS_ITEM: (e) => ({
    position: e.int(HAS_ITEM.requiredInt('position')),
    section: e.string(HAS_ITEM.requiredText('section')),
  }),
  // The role only: email and phone are the person's contactDetails, behind an API key.
  LISTED_IN: (e) => ({ role: e.string(LISTED_IN.requiredText('role')) }),
  MENTIONS: (e) => ({
    written: e.string({
      nullable: true,
      description: 'The name as the item wrote it.',
      ...MENTIONS.text('written'),
    }),
  }),
  WORKS_FOR: roleEdgeFields('WORKS_FOR'),
  BASED_AT: roleEdgeFields('BASED_AT'),
  // From the inspection tables.
  INSPECTED: (e) => ({
    framework: e.string({ description: 'ILACS1, ILACS2…', ...INSPECTED.requiredText('framework') }),
    grade: e.string(INSPECTED.requiredText('grade')),
    daysWaited: e.int({ nullable: true, ...INSPECTED.int('daysWaited') }),
    nationalRank: e.int({ nullable: true, ...INSPECTED.int('nationalRank') }),
    asAt: e.field({ type: 'Date', nullable: true, ...INSPECTED.text('asAt') }),
  }),
  // The explanation a derived FEEDS edge carries.
  FEEDS: (e) => ({
    rule: e.string({
      description: 'The strongest rule that fired: names-network, names-contact or topic-lexicon.',
      ...FEEDS.requiredText('rule'),
    }),
    rules: e.stringList(FEEDS.texts('rules')),
    terms: e.stringList({ description: 'The names or lexicon terms that matched.', ...FEEDS.texts('terms') }),
  }),
};
