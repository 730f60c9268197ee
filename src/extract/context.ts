import type { Item, UpdateDocument } from '../parse/document.js';
import type { GraphBuilder, Source } from './graph.js';
import { entityNode, personNode } from './nodes.js';
import type { NodeRef } from './records.js';
import type { NameProposals } from './name-reader.js';
import type { Entity } from './reference.js';
import type { Resolver } from './resolve.js';

/** An item of the Update with its node: the source of the edges read from it. */
export interface ItemRef {
  item: Item;
  ref: NodeRef;
}

/**
 * A stretch of running text and the node its facts are sourced to: an item, or the page's furniture
 * (header and intro), whose statements are the Issue's.
 */
export interface Passage {
  ref: NodeRef;
  /** How the passage names a person or body: an item MENTIONS it, the page's furniture HEADER_MENTIONS it. */
  mentions: 'MENTIONS' | 'HEADER_MENTIONS';
  sentences: readonly string[];
  /** The sentences of the item's title: title-cased, so not read for the shapes of names. */
  title: ReadonlySet<string>;
  line: number;
}

/** What every reader of one kind of fact works with. */
export interface Context {
  doc: UpdateDocument;
  resolver: Resolver;
  graph: GraphBuilder;
  issue: NodeRef;
  items: ItemRef[];
  /** The furniture first, then every item: all the running text of the Update. */
  passages: Passage[];
  /** The statistical reader's spans, by sentence (empty when it was not asked). */
  names: NameProposals;
}

export function addEntity(ctx: Context, entity: Entity): NodeRef {
  return ctx.graph.node(entityNode(entity));
}

/** A person as written ("Philip (Phil) Simpkins", "Prof. Eamon McCrory") → their node under the canonical name. */
export function addPerson(ctx: Context, written: string): NodeRef {
  return ctx.graph.node(personNode(ctx.resolver.resolvePerson(written)));
}

/** Issue-level facts (contact list, Tools & Templates) are sourced to the Issue. */
export const issueSource = (ctx: Context, quote: string): Source => ({ source: ctx.issue.key, quote });

/** The item a line of the Update belongs to; `title` settles a line the parser placed on an item boundary. */
export function itemAt(ctx: Context, line: number, title: string | null = null): ItemRef | undefined {
  return (
    ctx.items.find((i) => line >= i.item.lines.start && line <= i.item.lines.end) ??
    ctx.items.find((i) => title !== null && i.item.title === title)
  );
}
