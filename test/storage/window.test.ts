import { describe, expect, it } from 'vitest';
import {
  isNull,
  named,
  printExpression,
  printQuery,
  prop,
  withClause,
} from '../../src/storage/cypher-tree.js';
import {
  ascending,
  descending,
  keysetWhere,
  orderByTerms,
  pagedRows,
  sliceOfRows,
  type PagedRows,
  type SortKey,
  type SortTerm,
  type Window,
} from '../../src/storage/window.js';
import { query } from '../support/graph.js';

/**
 * Keyset paging against Neo4j itself: rows with null, tied and mixed-direction sort keys, walked a page at a
 * time forward (first/after) and backward (last/before), give exactly the order Neo4j's own ORDER BY gives.
 */

/** 12 rows: `a` a string with ties and nulls, `b` a number with nulls, `uid` unique. */
const ROWS = [
  { a: 'x', b: 3, uid: 'r01' },
  { a: null, b: 1, uid: 'r02' },
  { a: 'y', b: null, uid: 'r03' },
  { a: 'x', b: null, uid: 'r04' },
  { a: 'x', b: 1, uid: 'r05' },
  { a: null, b: null, uid: 'r06' },
  { a: 'y', b: 2, uid: 'r07' },
  { a: 'w', b: 2, uid: 'r08' },
  { a: 'x', b: 3, uid: 'r09' },
  { a: null, b: 1, uid: 'r10' },
  { a: 'w', b: null, uid: 'r11' },
  { a: 'y', b: 2, uid: 'r12' },
];
const SOURCE = 'UNWIND $rows AS row RETURN row.a AS a, row.b AS b, row.uid AS uid';

/** The rows in Neo4j's own order for the terms. */
async function ordered(terms: readonly SortTerm[]): Promise<string[]> {
  const order = terms
    .map((t) => `${printExpression(t.expression).text}${t.descending ? ' DESC' : ''}`)
    .join(', ');
  const rows = await query(`${SOURCE.replace('RETURN', 'WITH')} ORDER BY ${order} RETURN uid`, {
    rows: ROWS,
  });
  return rows.map((row) => String(row.uid));
}

/** One page through pagedRows, as the storage functions read it. */
async function page(terms: readonly SortTerm[], window: Window) {
  const printed = printQuery(pagedRows(SOURCE, ['a', 'b', 'uid'], terms, window, named('uid')));
  const [row] = await query(printed.text, { rows: ROWS, ...printed.params });
  return sliceOfRows(row as unknown as PagedRows, window, (uid) => String(uid));
}

const ORDERS: Record<string, SortTerm[]> = {
  'a, b, uid': [ascending('a'), ascending('b'), ascending('uid')],
  'a DESC, b, uid': [descending('a'), ascending('b'), ascending('uid')],
  'a, b DESC, uid': [ascending('a'), descending('b'), ascending('uid')],
  'b DESC, a DESC, uid': [descending('b'), descending('a'), ascending('uid')],
};

describe('keyset pages over null, tied and descending keys', () => {
  for (const [name, terms] of Object.entries(ORDERS)) {
    for (const size of [1, 3, 5]) {
      it(`${name}: first/after and last/before in pages of ${size} give Neo4j's order, each row once`, async () => {
        const expected = await ordered(terms);
        expect(expected).toHaveLength(ROWS.length);

        const forward: string[] = [];
        let after: SortKey | null = null;
        for (let pages = 0; pages < 20; pages += 1) {
          const slice = await page(terms, { limit: size, after, before: null, fromEnd: false });
          expect(slice.total).toBe(ROWS.length);
          forward.push(...slice.items);
          if (!slice.hasNext) break;
          after = slice.keys.at(-1)!;
        }
        expect(forward).toEqual(expected);

        const backward: string[] = [];
        let before: SortKey | null = null;
        for (let pages = 0; pages < 20; pages += 1) {
          const slice = await page(terms, { limit: size, after: null, before, fromEnd: true });
          backward.unshift(...slice.items);
          if (!slice.hasPrevious) break;
          before = slice.keys[0]!;
        }
        expect(backward).toEqual(expected);
      });
    }
  }

  it('after and before together give the rows strictly between the two keys', async () => {
    const terms = ORDERS['a DESC, b, uid']!;
    const expected = await ordered(terms);
    const all = await page(terms, { limit: 100, after: null, before: null, fromEnd: false });
    const between = await page(terms, {
      limit: 100,
      after: all.keys[2]!,
      before: all.keys[9]!,
      fromEnd: false,
    });
    expect(between.items).toEqual(expected.slice(3, 9));
  });

  it('a page whose pageInfo nobody reads brings its own rows only, not the one that says the list goes on', async () => {
    const terms = ORDERS['a, b, uid']!;
    const entriesRead = async (window: Window) => {
      const printed = printQuery(pagedRows(SOURCE, ['a', 'b', 'uid'], terms, window, named('uid')));
      const [row] = await query(printed.text, { rows: ROWS, ...printed.params });
      return (row as unknown as PagedRows).entries.length;
    };
    const window: Window = { limit: 5, after: null, before: null, fromEnd: false };
    expect(await entriesRead(window)).toBe(6);
    expect(await entriesRead({ ...window, pageInfoUnread: true })).toBe(5);
    const unread = await page(terms, { ...window, pageInfoUnread: true });
    expect(unread.items).toEqual((await page(terms, window)).items);
    expect(unread.total).toBe(ROWS.length);
  });
});

describe('the keyset Cypher', () => {
  it('pins the predicate and order of a page after a cursor and of one read from the end', () => {
    const [d, n] = [named('d'), named('n')];
    const terms = [ascending(isNull(d)), descending(d), ascending(prop(n, 'uid'))];
    const pageOf = (window: Window) =>
      printQuery([
        withClause([d, n], {
          where: keysetWhere(terms, window),
          orderBy: orderByTerms(terms, window),
        }),
      ]);
    const after: Window = {
      limit: 5,
      after: [false, '2022-07-01', 'Item:518/1'],
      before: null,
      fromEnd: false,
    };
    const printedAfter = pageOf(after);
    expect(printedAfter.text).toMatchInlineSnapshot(
      `"WITH d, n WHERE $p0[0] IS NOT NULL AND ((d IS NULL) IS NULL OR (d IS NULL) > $p0[0]) OR coalesce((d IS NULL) = $p0[0], (d IS NULL) IS NULL AND $p0[0] IS NULL) AND (d IS NOT NULL AND ($p0[1] IS NULL OR d < $p0[1])) OR coalesce((d IS NULL) = $p0[0], (d IS NULL) IS NULL AND $p0[0] IS NULL) AND coalesce(d = $p0[1], d IS NULL AND $p0[1] IS NULL) AND ($p0[2] IS NOT NULL AND (n.uid IS NULL OR n.uid > $p0[2])) ORDER BY d IS NULL, d DESC, n.uid"`,
    );
    expect(printedAfter.params).toEqual({ p0: after.after });
    const fromEnd: Window = { limit: 5, after: null, before: [true, null, 'Report:x'], fromEnd: true };
    expect(pageOf(fromEnd).text).toMatchInlineSnapshot(
      `"WITH d, n WHERE (d IS NULL) IS NOT NULL AND ($p0[0] IS NULL OR (d IS NULL) < $p0[0]) OR coalesce((d IS NULL) = $p0[0], (d IS NULL) IS NULL AND $p0[0] IS NULL) AND ($p0[1] IS NOT NULL AND (d IS NULL OR d > $p0[1])) OR coalesce((d IS NULL) = $p0[0], (d IS NULL) IS NULL AND $p0[0] IS NULL) AND coalesce(d = $p0[1], d IS NULL AND $p0[1] IS NULL) AND (n.uid IS NOT NULL AND ($p0[2] IS NULL OR n.uid < $p0[2])) ORDER BY d IS NULL DESC, d, n.uid DESC"`,
    );
  });
});
