import type { ObjectRef } from '@pothos/core';
import type { NodeLabel } from '../extract/records.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import type { HopName } from './hops.js';
import { uidOf, type GraphNode, type Hit } from './loaders.js';
import { paginate, type Page, type PageEdge } from './pagination.js';
import type { MentionableRef } from './refs.js';
import { EvidenceRef, evidenceOf } from './types/evidence.js';

/**
 * Field helpers shared by the type modules, so that every relationship is exposed the same way:
 * a Relay connection whose edges carry the relationship's evidence and first/last seen dates.
 */

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type NodeFieldBuilder = PothosSchemaTypes.ObjectFieldBuilder<Types, GraphNode>;
/** The field builder of a relationship connection's edge type (for edge fields such as evidence, grade, rule). */
export type EdgeFieldBuilder = PothosSchemaTypes.ObjectFieldBuilder<Types, PageEdge>;
type EntityRef = ObjectRef<Types, GraphNode>;
/** Connections may also reach a union of entity types (an Item's mentions). */
type ConnectionTarget = EntityRef | typeof MentionableRef;

export interface HopConnectionOptions {
  description: string;
  /** Adds `from`/`to` Date arguments that bound the date this function reads off each hit. */
  dateOf?: (hit: Hit) => string | null;
  /** Fields the relationship carries besides its evidence (role, grade, rule…). */
  edgeFields?: (t: EdgeFieldBuilder) => Record<string, ReturnType<EdgeFieldBuilder['field']>>;
}

/** The label of the node a field is defined on: the uid of a GraphNode is label + key. */
export const uidOfNode = (node: GraphNode): string => uidOf(node.label, node.key);

export function evidenceEdgeFields(t: EdgeFieldBuilder) {
  return {
    evidence: t.field({
      type: [EvidenceRef],
      description: 'Every place this relationship was read, oldest first.',
      resolve: (edge) => evidenceOf(edge.rel),
    }),
    firstSeen: t.field({
      type: 'Date',
      nullable: true,
      resolve: (edge) => (edge.rel.firstSeen as string) ?? null,
    }),
    lastSeen: t.field({
      type: 'Date',
      nullable: true,
      resolve: (edge) => (edge.rel.lastSeen as string) ?? null,
    }),
  };
}

/** Connection options every list shares: the total count beside the page. */
export const withTotalCount = {
  fields: (c: PothosSchemaTypes.ObjectFieldBuilder<Types, unknown>) => ({
    totalCount: c.int({
      description: 'All matching items, across pages.',
      resolve: (page) => (page as Page).totalCount,
    }),
  }),
};

const inRange = (date: string | null, from?: string | null, to?: string | null): boolean =>
  (from == null || (date !== null && date >= from)) && (to == null || (date !== null && date <= to));

/** A connection over one relationship hop, resolved through the request's DataLoader for that hop. */
export function hopConnection(
  t: NodeFieldBuilder,
  hop: HopName,
  type: ConnectionTarget,
  options: HopConnectionOptions,
) {
  const dateOf = options.dateOf;
  return t.connection(
    {
      type,
      description: options.description,
      args: dateOf
        ? {
            from: t.arg({ type: 'Date', required: false, description: 'On or after this date.' }),
            to: t.arg({ type: 'Date', required: false, description: 'On or before this date.' }),
          }
        : {},
      resolve: async (parent, args, context: Context) => {
        const hits = await context.loaders.hop(hop, uidOfNode(parent));
        const { from, to } = args as { from?: string | null; to?: string | null };
        const kept = dateOf ? hits.filter((hit) => inRange(dateOf(hit), from, to)) : hits;
        return paginate(kept, args);
      },
    },
    withTotalCount,
    {
      fields: (e) => ({
        ...evidenceEdgeFields(e as unknown as EdgeFieldBuilder),
        ...(options.edgeFields?.(e as unknown as EdgeFieldBuilder) ?? {}),
      }),
    },
  );
}

/** A single related node (publisher, network, contact…), or null when the graph has none. */
export function hopOne(t: NodeFieldBuilder, hop: HopName, type: EntityRef, description: string) {
  return t.field({
    type,
    nullable: true,
    description,
    resolve: async (parent, _args, { loaders }) =>
      (await loaders.hop(hop, uidOfNode(parent)))[0]?.node ?? null,
  });
}

/** Relay node options shared by every entity type: the global id is the label + the node's key. */
export function nodeOptions(label: NodeLabel) {
  return {
    id: { resolve: (node: GraphNode) => node.key },
    isTypeOf: (value: unknown) => (value as GraphNode | null)?.label === label,
    loadMany: async (keys: string[], { loaders }: Context) =>
      (await loaders.nodes.loadMany(keys.map((key) => uidOf(label, key)))).map((node) =>
        node instanceof Error ? null : node,
      ),
  };
}

/** Readers of a node's stored properties, for field resolvers (nodes are plain records of what Neo4j holds). */
export const text =
  (name: string) =>
  (node: GraphNode): string =>
    String(node[name] ?? '');
export const maybeText =
  (name: string) =>
  (node: GraphNode): string | null =>
    node[name] === null || node[name] === undefined ? null : String(node[name]);
export const whole =
  (name: string) =>
  (node: GraphNode): number =>
    Number(node[name]);
export const texts =
  (name: string) =>
  (node: GraphNode): string[] =>
    (node[name] as string[] | undefined) ?? [];

/** The date of the node a hop reached (an Item's Update date, a Meeting's date), for from/to arguments. */
export const hitDate = (hit: Hit): string | null =>
  hit.node.date === undefined || hit.node.date === null ? null : String(hit.node.date);
