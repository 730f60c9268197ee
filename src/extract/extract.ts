import type { UpdateDocument } from '../parse/document.js';
import { itemWords } from '../parse/items.js';
import type { Context } from './context.js';
import { GraphBuilder } from './graph.js';
import { readInspections } from './inspections.js';
import { readMeetings } from './meetings.js';
import { readMentions } from './mentions.js';
import { issueNode, itemNode } from './nodes.js';
import { readContactList, readPeopleInProse } from './people-edges.js';
import type { GraphRecords } from './records.js';
import { readReports } from './reports.js';
import type { Resolver } from './resolve.js';

/**
 * One parsed Update → the nodes and edges it yields, every edge with its evidence
 * (docs/graph-model.md). Pure and synchronous: the same document and reference data always give
 * the same records, in the same order.
 */
export function extractGraph(doc: UpdateDocument, resolver: Resolver): GraphRecords {
  const graph = new GraphBuilder(doc.issue.number, doc.issue.date);
  const issue = graph.node(issueNode(doc.issue));
  const items = doc.items.map((item, index) => {
    const ref = graph.node(itemNode(doc.issue, item, index + 1));
    graph.edge(
      'HAS_ITEM',
      issue,
      ref,
      // An item whose title line is missing is quoted by its first words.
      { source: issue.key, quote: itemWords(item) },
      { position: index + 1, section: item.section },
    );
    return { item, ref };
  });
  const ctx: Context = { doc, resolver, graph, issue, items };

  readContactList(ctx);
  readMeetings(ctx);
  readReports(ctx);
  readInspections(ctx);
  readMentions(ctx, readPeopleInProse(ctx));
  return graph.records();
}
