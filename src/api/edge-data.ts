import type { EdgeType } from '../graph/index.js';
import type { RelData } from '../storage/rows.js';
import type { EdgeFieldBuilder, EdgeFields } from './fields.js';

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

/** What a role edge (WORKS_FOR, BASED_AT) carries: the role as written and the honorific it was given with. */
function roleEdgeFields(e: EdgeFieldBuilder) {
  return {
    role: e.string({
      nullable: true,
      description:
        'The role as written ("DCS", "Lead Member for Children"); its dates are firstSeen and lastSeen.',
      resolve: (edge) => relText(edge, 'role'),
    }),
    honorific: e.string({ nullable: true, resolve: (edge) => relText(edge, 'honorific') }),
  };
}

export const EDGE_DATA: Partial<Record<EdgeType, EdgeFields>> = {
  HAS_ITEM: (e) => ({
    position: e.int({ resolve: (edge) => requiredInt(edge, 'position') }),
    section: e.string({ resolve: (edge) => requiredText(edge, 'section') }),
  }),
  // The role only: email and phone are the person's contactDetails, behind an API key.
  LISTED_IN: (e) => ({ role: e.string({ resolve: (edge) => requiredText(edge, 'role') }) }),
  MENTIONS: (e) => ({
    written: e.string({
      nullable: true,
      description: 'The name as the item wrote it.',
      resolve: (edge) => relText(edge, 'written'),
    }),
  }),
  WORKS_FOR: roleEdgeFields,
  BASED_AT: roleEdgeFields,
  // From the inspection tables.
  INSPECTED: (e) => ({
    framework: e.string({
      description: 'ILACS1, ILACS2…',
      resolve: (edge) => requiredText(edge, 'framework'),
    }),
    grade: e.string({ resolve: (edge) => requiredText(edge, 'grade') }),
    daysWaited: e.int({ nullable: true, resolve: (edge) => relInt(edge, 'daysWaited') }),
    nationalRank: e.int({ nullable: true, resolve: (edge) => relInt(edge, 'nationalRank') }),
    asAt: e.field({ type: 'Date', nullable: true, resolve: (edge) => relText(edge, 'asAt') }),
  }),
  // The explanation a derived FEEDS edge carries.
  FEEDS: (e) => ({
    rule: e.string({
      description: 'The strongest rule that fired: names-network, names-contact or topic-lexicon.',
      resolve: (edge) => requiredText(edge, 'rule'),
    }),
    rules: e.stringList({ resolve: (edge) => relTexts(edge, 'rules') }),
    terms: e.stringList({
      description: 'The names or lexicon terms that matched.',
      resolve: (edge) => relTexts(edge, 'terms'),
    }),
  }),
};
