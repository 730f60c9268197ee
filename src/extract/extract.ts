import type { UpdateDocument } from '../parse/document.js';
import { itemWords } from '../parse/items.js';
import type { Context, Passage } from './context.js';
import { NO_PROPOSALS, type NameProposals } from './name-reader.js';
import { readProposedNames } from './proposed-names.js';
import { furnitureSentences, itemSentences } from './text.js';
import { sentences } from '../text/sentences.js';
import { GraphBuilder } from './graph.js';
import { readInspections } from './inspections.js';
import { readMeetings } from './meetings.js';
import { readMentions } from './mentions.js';
import { issueNode, itemNode } from './nodes.js';
import { readContactList, readPeopleInProse } from './people-edges.js';
import type { GraphRecords } from './records.js';
import { readReports } from './reports.js';
import { resolverForOneUpdate, type Resolver } from './resolve.js';

/**
 * One parsed Update → the nodes and edges it yields, every edge with its evidence
 * (docs/graph-model.md). Pure and synchronous: the same document, reference data and proposed names
 * always give the same records, in the same order. Without `names` only the rules read.
 */
export function extractGraph(
  doc: UpdateDocument,
  resolver: Resolver,
  names: NameProposals = NO_PROPOSALS,
): GraphRecords {
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
  const passages: Passage[] = [
    {
      ref: issue,
      mentions: 'HEADER_MENTIONS',
      sentences: furnitureSentences(doc),
      title: new Set(),
      line: 1,
    },
    ...items.map(({ item, ref }) => ({
      ref,
      mentions: 'MENTIONS' as const,
      sentences: itemSentences(item),
      title: new Set(sentences(item.title)),
      line: item.lines.start,
    })),
  ];
  const ctx: Context = {
    doc,
    resolver: resolverForOneUpdate(resolver),
    graph,
    issue,
    items,
    passages,
    names,
  };

  readContactList(ctx);
  readMeetings(ctx);
  readReports(ctx);
  readInspections(ctx);
  // The rules' people first: a name they read in a role is a person, whatever the reader proposed.
  const inRoles = readPeopleInProse(ctx);
  readMentions(ctx, [...inRoles, ...readProposedNames(ctx, inRoles)]);
  return graph.records();
}
