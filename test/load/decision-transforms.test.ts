import { describe, expect, it } from 'vitest';
import {
  mergeSubgraph,
  renameSubgraph,
  splitSubgraph,
  type SnapNode,
  type SnapRel,
} from '../../src/storage/decision-transforms.js';

/** What each decision makes of the part of the graph it touches (pure; src/storage/decisions.ts writes it). */

const person = (key: string, name: string, extra: Record<string, unknown> = {}): SnapNode => ({
  labels: ['Entity', 'Person'],
  props: { uid: `Person:${key}`, key, name, variants: [name], issueCount: 1, lastIssue: 451, ...extra },
  ints: ['issueCount', 'lastIssue'],
  intLists: [],
});

const rel = (
  type: string,
  from: string,
  to: string,
  evidence: [string, string, string][],
  key = '',
): SnapRel => ({
  type,
  from,
  to,
  props: {
    key,
    sources: evidence.map((e) => e[0]),
    quotes: evidence.map((e) => e[1]),
    seenOn: evidence.map((e) => e[2]),
    firstSeen: evidence[0]?.[2],
    lastSeen: evidence.at(-1)?.[2],
  },
  ints: [],
  intLists: [],
});

const A = 'Person:a smith';
const B = 'Person:a smyth';
const NET = 'Network:fostering network';

describe('decision transforms', () => {
  const sub = {
    nodes: [person('a smith', 'A Smith'), person('a smyth', 'A Smyth', { issueCount: 2, lastIssue: 515 })],
    rels: [
      rel('CONTACT_FOR', A, NET, [['515/2', 'More from A Smith', '2022-07-22']]),
      rel('CONTACT_FOR', B, NET, [['451/3', 'More from A Smyth', '2021-06-04']]),
      rel('POSSIBLY_SAME_AS', A, B, []),
    ],
  };

  it('merge: one node with both names and Updates; edges that become one unite their evidence, date order', () => {
    const merged = mergeSubgraph(sub, A, [B]);
    expect(merged.nodes).toHaveLength(1);
    expect(merged.nodes[0]!.props).toMatchObject({
      name: 'A Smith',
      variants: ['A Smyth'],
      mergedUids: [B],
      issueCount: 3,
      lastIssue: 515,
    });
    expect(merged.nodes[0]!.ints).toEqual(['issueCount', 'lastIssue']);
    expect(merged.rels).toHaveLength(1);
    expect(merged.rels[0]!.props).toMatchObject({
      sources: ['451/3', '515/2'],
      quotes: ['More from A Smyth', 'More from A Smith'],
      firstSeen: '2021-06-04',
      lastSeen: '2022-07-22',
    });
  });

  it('rename keeps the old name as a variant', () => {
    const renamed = renameSubgraph(sub, A, 'Alex Smith');
    expect(renamed.nodes[0]!.props).toMatchObject({ name: 'Alex Smith', variants: ['A Smith'] });
    expect(renamed.nodes[0]!.props.searchText).toContain('A Smith');
  });

  it('split moves what the listed Updates say to the new node, and drops an edge left without evidence', () => {
    const both = rel('CONTACT_FOR', A, NET, [
      ['451/1', 'More from A Smith', '2021-06-04'],
      ['issue:515', 'Fostering: A Smith', '2022-07-22'],
    ]);
    const split = splitSubgraph(
      { nodes: [sub.nodes[0]!], rels: [both] },
      A,
      'Person:ann smith',
      'Ann Smith',
      [515],
    );
    expect(split.nodes.map((n) => n.props.uid)).toEqual([A, 'Person:ann smith']);
    expect(split.nodes[1]!.props).toMatchObject({
      name: 'Ann Smith',
      key: 'ann smith',
      issueCount: 1,
      lastIssue: 515,
    });
    expect(split.nodes[1]!.ints).toEqual(['issueCount', 'lastIssue']);
    const byFrom = Object.fromEntries(split.rels.map((r) => [r.from, r.props.sources]));
    expect(byFrom).toEqual({ [A]: ['451/1'], 'Person:ann smith': ['issue:515'] });
    const all = splitSubgraph(
      { nodes: [sub.nodes[0]!], rels: [both] },
      A,
      'Person:ann smith',
      'Ann Smith',
      [451, 515],
    );
    expect(all.rels.map((r) => r.from)).toEqual(['Person:ann smith']);
    expect(all.nodes[1]!.props).toMatchObject({ issueCount: 2, lastIssue: 515 });
  });
});
