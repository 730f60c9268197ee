import { describe, expect, it } from 'vitest';
import { query } from '../support/graph.js';
import { data, useSeededApi, type Json } from './helpers.js';

/** Ordering and counting in the database, so that "who published most on a topic in a period" is one query. */
const api = useSeededApi();

const nonIncreasing = (values: number[]) => values.every((v, i) => i === 0 || values[i - 1]! >= v);

describe('orderBy', () => {
  it('ranks organisations by the reports they published, with the count on each edge', async () => {
    const answer = await data(
      api.app,
      '{ organisations(orderBy: MOST_REPORTS, first: 3) { edges { reportCount node { name } } } }',
    );
    const edges = answer.organisations.edges;
    expect(edges[0]).toEqual({ reportCount: 19, node: { name: 'Department for Education' } });
    expect(nonIncreasing(edges.map((e: Json) => e.reportCount))).toBe(true);
  });

  it('counts only reports on a topic within a period, as an independent Cypher count does', async () => {
    const answer = await data(
      api.app,
      `{ organisations(orderBy: MOST_REPORTS, topic: "exploitation", from: "2022-01-01", to: "2022-12-31",
           publishersOnly: true) { totalCount edges { reportCount node { name } } } }`,
    );
    const expected = await query(
      `MATCH (r:Report)-[:PUBLISHED_BY]->(o:Organisation)
       WHERE r.publishedOn >= '2022-01-01' AND r.publishedOn <= '2022-12-31'
         AND (toLower(r.title) CONTAINS 'exploitation' OR EXISTS { (r)-[:FEEDS]->(n:Network) WHERE toLower(n.name) CONTAINS 'exploitation' })
       WITH o, count(r) AS reports ORDER BY reports DESC, o.key
       RETURN o.name AS name, reports`,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(answer.organisations.totalCount).toBe(expected.length);
    expect(
      answer.organisations.edges.map((e: Json) => ({ name: e.node.name, reports: e.reportCount })),
    ).toEqual(expected);
  });

  it('orders reports by citations, title, or oldest first (undated last)', async () => {
    const cited = await data(
      api.app,
      '{ reports(orderBy: MOST_CITED, first: 10) { edges { node { citedIn { totalCount } } } } }',
    );
    const counts = cited.reports.edges.map((e: Json) => e.node.citedIn.totalCount);
    expect(counts[0]).toBeGreaterThan(1);
    expect(nonIncreasing(counts)).toBe(true);

    const titled = await data(api.app, '{ reports(orderBy: TITLE, first: 50) { edges { node { title } } } }');
    const titles = titled.reports.edges.map((e: Json) => e.node.title.toLowerCase());
    expect(titles).toEqual([...titles].sort());

    const oldest = await data(
      api.app,
      '{ reports(orderBy: OLDEST_FIRST, first: 100) { edges { node { publishedOn } } } }',
    );
    const dates = oldest.reports.edges.map((e: Json) => e.node.publishedOn);
    const dated = dates.filter((d: string | null) => d !== null);
    expect(dated).toEqual([...dated].sort());
    expect(dates.slice(dated.length).every((d: string | null) => d === null)).toBe(true);
  });

  it('orders people by the latest Update that names them (read from every edge’s evidence)', async () => {
    const answer = await data(
      api.app,
      '{ people(orderBy: LAST_SEEN, first: 100) { totalCount edges { node { name } } } }',
    );
    const rows = await query(
      `MATCH (p:Person)-[r]-() UNWIND r.sources AS source
       RETURN p.name AS name, max(toInteger(split(replace(source, 'issue:', ''), '/')[0])) AS latest`,
    );
    const latestOf = new Map(rows.map((row) => [row.name, row.latest as number]));
    const latest = answer.people.edges.map((e: Json) => latestOf.get(e.node.name));
    expect(latest.length).toBe(answer.people.totalCount);
    expect(latest[0]).toBe(518);
    expect(nonIncreasing(latest)).toBe(true);
    expect(latest.at(-1)).toBeLessThan(518);
  });

  it('orders a dated connection oldest first within a period', async () => {
    const answer = await data(
      api.app,
      `{ organisation(name: "dfe") { reports(order: OLDEST_FIRST, from: "2022-01-01", first: 50) {
           totalCount edges { node { publishedOn } } } } }`,
    );
    const dates = answer.organisation.reports.edges.map((e: Json) => e.node.publishedOn);
    expect(dates.length).toBe(answer.organisation.reports.totalCount);
    expect(dates.length).toBeGreaterThan(5);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d: string) => d >= '2022-01-01')).toBe(true);
  });
});
