import { describe, expect, it } from 'vitest';
import { hopPagesQuery, nodesQuery, type HopProjection } from '../../src/storage/projection.js';
import { FIRST_ROWS } from '../../src/storage/window.js';

/**
 * Neo4j plans a new query text in a few hundred ms and runs a planned one in a few, and it keeps a plan per
 * text and per size class of each list parameter (0, 1, 2–10, …). Selections that differ only in the scalar
 * fields they ask for must therefore give one text and property-name lists of one size class, and so must
 * a request that reads one node (or the pages of one parent) and one that reads a few.
 */

const meetings = (meetingProps: string[], relProps: string[]): HopProjection => ({
  key: 'meetings',
  hop: { type: 'HOLDS', direction: 'out' },
  window: FIRST_ROWS(20),
  from: null,
  to: null,
  oldestFirst: false,
  counted: true,
  listed: true,
  relProps,
  evidence: 0,
  evidenceLists: [],
  evidenceNodes: null,
  node: { props: meetingProps, hops: [] },
});

/** The lengths of the list parameters a query sends. */
const listSizes = (params: Record<string, unknown>): number[] =>
  Object.values(params)
    .filter((value): value is unknown[] => Array.isArray(value))
    .map((names) => names.length);

describe('one query text per shape of hops, whichever scalar fields are selected', () => {
  it('a node with other properties and a hop with other properties below it run the same text', () => {
    const lean = nodesQuery(['Network:qa network'], { props: ['name'], hops: [meetings(['date'], [])] });
    const wide = nodesQuery(['Network:qa network'], {
      props: ['aliases', 'name', 'seslip'],
      hops: [meetings(['date', 'time', 'topic', 'title'], ['id'])],
    });
    expect(wide.text).toBe(lean.text);
    expect(wide.params).not.toEqual(lean.params);
  });

  it('property-name lists of none, one and up to ten names are of one size class', () => {
    const none = hopPagesQuery(['Network:qa network'], meetings([], []));
    const ten = hopPagesQuery(
      ['Network:qa network'],
      meetings(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], ['id']),
    );
    expect(ten.text).toBe(none.text);
    for (const size of [...listSizes(none.params), ...listSizes(ten.params)]) {
      expect(size).toBeGreaterThanOrEqual(2);
      expect(size).toBeLessThanOrEqual(10);
    }
  });

  it('one uid and a few are of one size class, for nodes and for hop pages', () => {
    const uids = ['Network:qa network', 'Network:sen network', 'Network:data network'];
    const oneNode = nodesQuery(uids.slice(0, 1), { props: ['name'], hops: [] });
    const nodes = nodesQuery(uids, { props: ['name'], hops: [] });
    const onePage = hopPagesQuery(uids.slice(0, 1), meetings(['date'], []));
    const pages = hopPagesQuery(uids, meetings(['date'], []));
    expect(nodes.text).toBe(oneNode.text);
    expect(pages.text).toBe(onePage.text);
    for (const query of [oneNode, nodes, onePage, pages]) {
      for (const size of listSizes(query.params)) {
        expect(size).toBeGreaterThanOrEqual(2);
        expect(size).toBeLessThanOrEqual(10);
      }
    }
  });
});
