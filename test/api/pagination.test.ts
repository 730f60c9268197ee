import { describe, expect, it } from 'vitest';
import { query } from '../support/graph.js';
import { data, graphql, useSeededApi, type Connection, type GraphQLResult, type Json } from './helpers.js';

/**
 * Relay paging: every page of a connection walked with first/after (and last/before) until the end
 * gives back the whole list once, in order; page sizes over 100 and foreign cursors are refused.
 */

const api = useSeededApi();

type Node = { id: string };

interface Walked {
  ids: string[];
  pages: number;
  totalCounts: Set<number>;
}

const PAGE =
  'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }';

/** A connection under test: the GraphQL text for one page (given its arguments) and where the answer is. */
interface Subject {
  name: string;
  page: (args: string) => string;
  pick: (data: Json) => Connection<Node>;
}

const subjects: Subject[] = [
  { name: 'root reports', page: (args) => `{ reports(${args}) { ${PAGE} } }`, pick: (d) => d.reports },
  { name: 'root items', page: (args) => `{ items(${args}) { ${PAGE} } }`, pick: (d) => d.items },
  {
    name: 'organisation(name: "DfE").reports',
    page: (args) => `{ organisation(name: "DfE") { reports(${args}) { ${PAGE} } } }`,
    pick: (d) => d.organisation.reports,
  },
  {
    name: 'issue(number: 330).items',
    page: (args) => `{ issue(number: 330) { items(${args}) { ${PAGE} } } }`,
    pick: (d) => d.issue.items,
  },
  // Descending terms, ties broken by the uid, nulls (undated reports, uncited ones) in the middle of the key.
  {
    name: 'root reports by citations',
    page: (args) => `{ reports(orderBy: MOST_CITED, ${args}) { ${PAGE} } }`,
    pick: (d) => d.reports,
  },
  {
    name: 'root reports oldest first',
    page: (args) => `{ reports(orderBy: OLDEST_FIRST, ${args}) { ${PAGE} } }`,
    pick: (d) => d.reports,
  },
  {
    name: 'root people last seen first',
    page: (args) => `{ people(orderBy: LAST_SEEN, ${args}) { ${PAGE} } }`,
    pick: (d) => d.people,
  },
  {
    name: 'organisation(name: "DfE").reports oldest first',
    page: (args) => `{ organisation(name: "DfE") { reports(order: OLDEST_FIRST, ${args}) { ${PAGE} } } }`,
    pick: (d) => d.organisation.reports,
  },
];

const fetchPage = async (subject: Subject, args: string): Promise<Connection<Node>> =>
  subject.pick(await data(api.app, subject.page(args)));

/** The whole list in one page (every list here holds fewer than 100). */
async function wholeList(subject: Subject): Promise<Connection<Node>> {
  const all = await fetchPage(subject, 'first: 100');
  expect(all.pageInfo.hasNextPage).toBe(false);
  expect(all.edges).toHaveLength(all.totalCount);
  return all;
}

async function walkForward(subject: Subject, size: number): Promise<Walked> {
  const walked: Walked = { ids: [], pages: 0, totalCounts: new Set() };
  let after: string | null = null;
  for (;;) {
    const page: Connection<Node> = await fetchPage(
      subject,
      after === null ? `first: ${size}` : `first: ${size}, after: ${JSON.stringify(after)}`,
    );
    walked.pages += 1;
    walked.totalCounts.add(page.totalCount);
    expect(page.edges.length).toBeLessThanOrEqual(size);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    walked.ids.push(...page.edges.map((edge) => edge.node.id));
    if (!page.pageInfo.hasNextPage) break;
    expect(page.edges).toHaveLength(size);
    after = page.pageInfo.endCursor;
    expect(walked.pages, 'the walk does not end').toBeLessThan(200);
  }
  return walked;
}

async function walkBackward(subject: Subject, size: number): Promise<Walked> {
  const walked: Walked = { ids: [], pages: 0, totalCounts: new Set() };
  let before: string | null = null;
  for (;;) {
    const page: Connection<Node> = await fetchPage(
      subject,
      before === null ? `last: ${size}` : `last: ${size}, before: ${JSON.stringify(before)}`,
    );
    walked.pages += 1;
    walked.totalCounts.add(page.totalCount);
    expect(page.edges.length).toBeLessThanOrEqual(size);
    expect(page.pageInfo.hasNextPage).toBe(before !== null);
    walked.ids.unshift(...page.edges.map((edge) => edge.node.id));
    if (!page.pageInfo.hasPreviousPage) break;
    expect(page.edges).toHaveLength(size);
    before = page.pageInfo.startCursor;
    expect(walked.pages, 'the walk does not end').toBeLessThan(200);
  }
  return walked;
}

/** Independent counts of what each list holds, from Cypher written here. */
const count = async (text: string): Promise<number> => {
  const [row] = await query(text);
  return Number(row!.n);
};

describe('paging every connection to its end', () => {
  it('the lists hold what the graph holds: 39 items, every Report, DfE’s 19 reports, 11 items of Update 330', async () => {
    const [reports, items, dfe, update330] = await Promise.all(subjects.map(wholeList));
    expect(reports!.totalCount).toBe(await count('MATCH (n:Report) RETURN count(n) AS n'));
    // 11 + 7 + 7 + 9 + 5 headed items (330:13-179, 412:17-115, 451:10-100, 515:21-137, 518:19-77).
    expect(items!.totalCount).toBe(39);
    // 518:102-146 (11), 515:205 (1), 451:115-145 (5), 412:146-148 (2).
    expect(dfe!.totalCount).toBe(19);
    // 330:13, 23, 33, 49, 55, 81, 99, 111, 135, 167, 179.
    expect(update330!.totalCount).toBe(11);
  });

  for (const subject of subjects) {
    for (const size of [1, 4, 7]) {
      it(`${subject.name}: first/after in pages of ${size} gives the whole list once, in order`, async () => {
        const all = await wholeList(subject);
        const walked = await walkForward(subject, size);
        expect(walked.totalCounts).toEqual(new Set([all.totalCount]));
        expect(new Set(walked.ids).size).toBe(walked.ids.length); // no duplicates
        expect(walked.ids).toEqual(all.edges.map((edge) => edge.node.id)); // no gaps, same order
        expect(walked.pages).toBe(Math.max(1, Math.ceil(all.totalCount / size)));
      });
    }

    it(`${subject.name}: last/before in pages of 5 gives the whole list once, in order`, async () => {
      const all = await wholeList(subject);
      const walked = await walkBackward(subject, 5);
      expect(walked.totalCounts).toEqual(new Set([all.totalCount]));
      expect(new Set(walked.ids).size).toBe(walked.ids.length);
      expect(walked.ids).toEqual(all.edges.map((edge) => edge.node.id));
    });
  }

  it('Update 330’s items come in the order of the Update (330:13 first, 330:179 last)', async () => {
    const { issue } = await data(
      api.app,
      '{ issue(number: 330) { items(first: 100) { edges { position section node { title } } } } }',
    );
    const edges = issue.items.edges;
    expect(edges.map((edge: Json) => edge.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(edges[0].node.title).toBe('2019-20 Regional Improvement Planning');
    expect(edges[10]).toMatchObject({
      section: 'reminders',
      node: { title: 'Complex LAC and Edge of Care Project – Progress Report' },
    });
  });

  it('without first or last a page holds 20', async () => {
    const reports = await fetchPage(subjects[0]!, 'after: null');
    expect(reports.edges).toHaveLength(20);
    expect(reports.pageInfo.hasNextPage).toBe(true);
  });

  it('root reports are newest first, undated ones last', async () => {
    const { reports } = await data(api.app, '{ reports(first: 100) { edges { node { publishedOn } } } }');
    const dates: (string | null)[] = reports.edges.map((edge: Json) => edge.node.publishedOn);
    const firstNull = dates.indexOf(null);
    // 451:127 "… published by DfE 26 March 202" has no date: there is at least one undated report.
    expect(firstNull).toBeGreaterThan(0);
    expect(dates.slice(firstNull).every((date) => date === null)).toBe(true);
    const dated = dates.slice(0, firstNull) as string[];
    expect(dated).toEqual([...dated].sort().reverse());
    // 518:98 "On 27 July the Home Office published its response …": the newest report in the seeds.
    expect(dated[0]).toBe('2022-07-27');
  });
});

describe('paging errors', () => {
  const expectBadInput = (result: GraphQLResult, message: RegExp) => {
    expect(result.errors, JSON.stringify(result)).toHaveLength(1);
    expect(result.errors![0]!.message).toMatch(message);
    expect(result.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
  };

  it('first: 101 and last: 101 are refused, on roots and on relationship connections', async () => {
    expectBadInput(
      await graphql(api.app, '{ reports(first: 101) { totalCount } }'),
      /first must be between 0 and 100, got 101/,
    );
    expectBadInput(
      await graphql(api.app, '{ items(last: 101) { totalCount } }'),
      /last must be between 0 and 100, got 101/,
    );
    expectBadInput(
      await graphql(api.app, '{ organisation(name: "DfE") { reports(first: 101) { totalCount } } }'),
      /first must be between 0 and 100, got 101/,
    );
    expectBadInput(
      await graphql(api.app, '{ reports(first: -1) { totalCount } }'),
      /first must be between 0 and 100, got -1/,
    );
  });

  it('first and last together are refused rather than one of them ignored', async () => {
    expectBadInput(
      await graphql(api.app, '{ reports(first: 5, last: 5) { totalCount } }'),
      /give first \(with after\) or last \(with before\), not both/,
    );
  });

  it('a cursor this API did not issue is refused', async () => {
    expectBadInput(
      await graphql(api.app, '{ reports(first: 5, after: "not-a-cursor") { totalCount } }'),
      /after is not a cursor this API issued/,
    );
    expectBadInput(
      await graphql(api.app, '{ items(last: 5, before: "b2Zmc2V0OnR3bw") { totalCount } }'), // "offset:two"
      /before is not a cursor this API issued/,
    );
    expectBadInput(
      await graphql(api.app, '{ organisation(name: "DfE") { reports(after: "zzz") { totalCount } } }'),
      /after is not a cursor this API issued/,
    );
  });

  it('a cursor of another list, or of the same list in another order, is refused, naming the argument', async () => {
    const cursorOf = async (text: string, pick: (d: Json) => Connection<Node>) =>
      pick(await data(api.app, text)).pageInfo.endCursor!;
    const itemCursor = await cursorOf('{ items(first: 1) { pageInfo { endCursor } } }', (d) => d.items);
    const newestCursor = await cursorOf('{ reports(first: 1) { pageInfo { endCursor } } }', (d) => d.reports);
    const foreign = await graphql(
      api.app,
      `{ reports(first: 5, after: ${JSON.stringify(itemCursor)}) { totalCount } }`,
    );
    expectBadInput(foreign, /after is not a cursor this API issued for this list and order/);
    expect(foreign.errors![0]!.extensions?.field).toBe('after');
    expectBadInput(
      await graphql(
        api.app,
        `{ reports(orderBy: TITLE, last: 5, before: ${JSON.stringify(newestCursor)}) { totalCount } }`,
      ),
      /before is not a cursor this API issued for this list and order/,
    );
    // Well-formed JSON of the wrong shape, base64url-encoded as a cursor would be.
    const forged = Buffer.from(JSON.stringify({ o: 'list-reports::NEWEST_FIRST', k: [{}] })).toString(
      'base64url',
    );
    expectBadInput(
      await graphql(api.app, `{ reports(first: 5, after: "${forged}") { totalCount } }`),
      /after is not a cursor this API issued/,
    );
  });

  it('a cursor past the end gives an empty last page', async () => {
    const { reports } = await data(api.app, '{ reports(first: 100) { edges { cursor } } }');
    const last = reports.edges.at(-1).cursor;
    const after = await fetchPage(subjects[0]!, `first: 5, after: ${JSON.stringify(last)}`);
    expect(after.edges).toEqual([]);
    expect(after.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});
