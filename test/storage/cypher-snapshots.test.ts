import { describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.js';
import {
  feedsQuery,
  hopPagesQuery,
  listQuery,
  nodesQuery,
  type HopProjection,
  type NodeProjection,
  type RelProjection,
} from '../../src/storage/projection.js';
import { listOrder } from '../../src/storage/lists.js';
import { ascending, descending, FIRST_ROWS, type Window } from '../../src/storage/window.js';

/**
 * The Cypher each selection shape compiles to, pinned as neo4j/graphql's TCK tests pin theirs: a change to
 * the compiler shows here as a diff of the text a shape sends (and so of the plan Neo4j caches for it).
 * Pure: nothing runs against Neo4j (test/api/projection.test.ts and the API tests check the answers).
 */

const NAME_ONLY: NodeProjection = { props: ['name'], hops: [] };
const NO_REL: RelProjection = { relProps: [], evidence: 0, evidenceLists: [], evidenceNodes: null };

/** A page of an Item's or an authority's hop, first 10, counted, with the reached node's title. */
const hop = (more: Partial<HopProjection> = {}): HopProjection => ({
  key: 'mentionedIn',
  hop: { type: 'MENTIONS', direction: 'in' },
  window: FIRST_ROWS(10),
  from: null,
  to: null,
  oldestFirst: false,
  counted: true,
  listed: true,
  ...NO_REL,
  node: { props: ['title'], hops: [] },
  ...more,
});

/** A network's contacts page (uncounted) with their names and the evidence the request reads. */
const contactsEvidence = (evidence: Pick<HopProjection, 'relProps' | 'evidence'> & Partial<HopProjection>) =>
  hopPagesQuery(
    ['Network:qa network'],
    hop({ hop: { type: 'CONTACT_FOR', direction: 'in' }, counted: false, node: NAME_ONLY, ...evidence }),
  );

describe('the Cypher of each selection shape', () => {
  it('a node with properties', () => {
    const query = nodesQuery(['Person:amanda meadows'], { props: ['name', 'variants'], hops: [] });
    expect(query.text).toMatchInlineSnapshot(
      `"UNWIND $uids AS uid MATCH (node:Entity {uid: uid}) RETURN [node.key, [l IN labels(node) WHERE l <> 'Entity'][0], [prop0 IN $p1 | node[prop0]]] AS node"`,
    );
    expect(query.params).toEqual({ p1: ['name', 'variants'], uids: ['Person:amanda meadows', ''] });
  });

  it('a node with a hop page below it, counted', () => {
    const query = nodesQuery(['LocalAuthority:iow'], {
      props: ['name'],
      hops: [hop({ key: 'contacts', hop: { type: 'CONTACT_FOR', direction: 'in' }, node: NAME_ONLY })],
    });
    expect(query.text).toMatchInlineSnapshot(
      `"UNWIND $uids AS uid MATCH (node:Entity {uid: uid}) RETURN [node.key, [l IN labels(node) WHERE l <> 'Entity'][0], [prop0 IN $p1 | node[prop0]], [[COUNT { MATCH (node)<-[:CONTACT_FOR]-(c2) }, COLLECT { MATCH (node)<-[r3:CONTACT_FOR]-(n4) WITH r3, n4 ORDER BY n4.key, n4.uid LIMIT toInteger($p5) RETURN [[n4.key, null, [prop6 IN $p7 | n4[prop6]]], [[prop8 IN $p9 | r3[prop8]]], [n4.key, n4.uid]] }]]] AS node"`,
    );
  });

  it("an Item's Update asked only its number and date: read from the Item, no subquery", () => {
    const issue = hop({
      key: 'issue',
      hop: { type: 'HAS_ITEM', direction: 'in' },
      window: FIRST_ROWS(1),
      counted: false,
      node: { props: ['number', 'date'], hops: [] },
    });
    expect(nodesQuery(['Item:518/3'], { props: ['title'], hops: [issue] }).text).toMatchInlineSnapshot(
      `"UNWIND $uids AS uid MATCH (node:Entity {uid: uid}) RETURN [node.key, [l IN labels(node) WHERE l <> 'Entity'][0], [prop0 IN $p1 | node[prop0]], [[node.issueNumber, node.date]]] AS node"`,
    );
    // Asked for more than the Item stores of it, the Update is read by its hop.
    const headline = { ...issue, node: { props: ['headline'], hops: [] } };
    expect(nodesQuery(['Item:518/3'], { props: ['title'], hops: [headline] }).text).toContain('HAS_ITEM');
  });

  it('a hop page, uncounted; and only its count', () => {
    expect(hopPagesQuery(['Network:qa network'], hop({ counted: false })).text).toMatchInlineSnapshot(
      `"UNWIND $parents AS parentUid MATCH (parent:Entity {uid: parentUid}) RETURN parentUid, [null, COLLECT { MATCH (parent)<-[r0:MENTIONS]-(n1) WITH r0, n1, n1.date AS d2 ORDER BY d2 IS NULL, d2 DESC, n1.position, n1.key, n1.uid LIMIT toInteger($p3) RETURN [[n1.key, null, [prop4 IN $p5 | n1[prop4]]], [[prop6 IN $p7 | r0[prop6]]], [d2 IS NULL, d2, n1.position, n1.key, n1.uid]] }] AS page"`,
    );
    expect(hopPagesQuery(['Network:qa network'], hop({ listed: false })).text).toMatchInlineSnapshot(
      `"UNWIND $parents AS parentUid MATCH (parent:Entity {uid: parentUid}) RETURN parentUid, [COUNT { MATCH (parent)<-[:MENTIONS]-(c0) }, []] AS page"`,
    );
  });

  it('a keyset window forwards (first/after) and backwards (last/before)', () => {
    const after: Window = {
      limit: 5,
      after: [false, '2022-07-01', 3, 'k', 'Item:518/3'],
      before: null,
      fromEnd: false,
    };
    const forwards = hopPagesQuery(['LocalAuthority:iow'], hop({ window: after }));
    expect(forwards.text).toMatchInlineSnapshot(
      `"UNWIND $parents AS parentUid MATCH (parent:Entity {uid: parentUid}) RETURN parentUid, [COUNT { MATCH (parent)<-[:MENTIONS]-(c0) }, COLLECT { MATCH (parent)<-[r1:MENTIONS]-(n2) WITH r1, n2, n2.date AS d3 WHERE $p4[0] IS NOT NULL AND ((d3 IS NULL) IS NULL OR (d3 IS NULL) > $p4[0]) OR coalesce((d3 IS NULL) = $p4[0], (d3 IS NULL) IS NULL AND $p4[0] IS NULL) AND (d3 IS NOT NULL AND ($p4[1] IS NULL OR d3 < $p4[1])) OR coalesce((d3 IS NULL) = $p4[0], (d3 IS NULL) IS NULL AND $p4[0] IS NULL) AND coalesce(d3 = $p4[1], d3 IS NULL AND $p4[1] IS NULL) AND ($p4[2] IS NOT NULL AND (n2.position IS NULL OR n2.position > $p4[2])) OR coalesce((d3 IS NULL) = $p4[0], (d3 IS NULL) IS NULL AND $p4[0] IS NULL) AND coalesce(d3 = $p4[1], d3 IS NULL AND $p4[1] IS NULL) AND coalesce(n2.position = $p4[2], n2.position IS NULL AND $p4[2] IS NULL) AND ($p4[3] IS NOT NULL AND (n2.key IS NULL OR n2.key > $p4[3])) OR coalesce((d3 IS NULL) = $p4[0], (d3 IS NULL) IS NULL AND $p4[0] IS NULL) AND coalesce(d3 = $p4[1], d3 IS NULL AND $p4[1] IS NULL) AND coalesce(n2.position = $p4[2], n2.position IS NULL AND $p4[2] IS NULL) AND coalesce(n2.key = $p4[3], n2.key IS NULL AND $p4[3] IS NULL) AND ($p4[4] IS NOT NULL AND (n2.uid IS NULL OR n2.uid > $p4[4])) ORDER BY d3 IS NULL, d3 DESC, n2.position, n2.key, n2.uid LIMIT toInteger($p5) RETURN [[n2.key, null, [prop6 IN $p7 | n2[prop6]]], [[prop8 IN $p9 | r1[prop8]]], [d3 IS NULL, d3, n2.position, n2.key, n2.uid]] }] AS page"`,
    );
    expect(forwards.params).toMatchInlineSnapshot(`
      {
        "p4": [
          false,
          "2022-07-01",
          3,
          "k",
          "Item:518/3",
        ],
        "p5": 6,
        "p7": [
          "title",
          "",
        ],
        "p9": [
          "",
          "",
        ],
        "parents": [
          "LocalAuthority:iow",
          "",
        ],
      }
    `);
    const before: Window = {
      limit: 5,
      after: null,
      before: [true, null, null, 'k', 'Item:1/1'],
      fromEnd: true,
    };
    expect(hopPagesQuery(['LocalAuthority:iow'], hop({ window: before })).text).toMatchInlineSnapshot(
      `"UNWIND $parents AS parentUid MATCH (parent:Entity {uid: parentUid}) RETURN parentUid, [COUNT { MATCH (parent)<-[:MENTIONS]-(c0) }, COLLECT { MATCH (parent)<-[r1:MENTIONS]-(n2) WITH r1, n2, n2.date AS d3 WHERE (d3 IS NULL) IS NOT NULL AND ($p4[0] IS NULL OR (d3 IS NULL) < $p4[0]) OR coalesce((d3 IS NULL) = $p4[0], (d3 IS NULL) IS NULL AND $p4[0] IS NULL) AND ($p4[1] IS NOT NULL AND (d3 IS NULL OR d3 > $p4[1])) OR coalesce((d3 IS NULL) = $p4[0], (d3 IS NULL) IS NULL AND $p4[0] IS NULL) AND coalesce(d3 = $p4[1], d3 IS NULL AND $p4[1] IS NULL) AND (n2.position IS NOT NULL AND ($p4[2] IS NULL OR n2.position < $p4[2])) OR coalesce((d3 IS NULL) = $p4[0], (d3 IS NULL) IS NULL AND $p4[0] IS NULL) AND coalesce(d3 = $p4[1], d3 IS NULL AND $p4[1] IS NULL) AND coalesce(n2.position = $p4[2], n2.position IS NULL AND $p4[2] IS NULL) AND (n2.key IS NOT NULL AND ($p4[3] IS NULL OR n2.key < $p4[3])) OR coalesce((d3 IS NULL) = $p4[0], (d3 IS NULL) IS NULL AND $p4[0] IS NULL) AND coalesce(d3 = $p4[1], d3 IS NULL AND $p4[1] IS NULL) AND coalesce(n2.position = $p4[2], n2.position IS NULL AND $p4[2] IS NULL) AND coalesce(n2.key = $p4[3], n2.key IS NULL AND $p4[3] IS NULL) AND (n2.uid IS NOT NULL AND ($p4[4] IS NULL OR n2.uid < $p4[4])) ORDER BY d3 IS NULL DESC, d3, n2.position DESC, n2.key DESC, n2.uid DESC LIMIT toInteger($p5) RETURN [[n2.key, null, [prop6 IN $p7 | n2[prop6]]], [[prop8 IN $p9 | r1[prop8]]], [d3 IS NULL, d3, n2.position, n2.key, n2.uid]] }] AS page"`,
    );
  });

  it('dated bounds, shared by the count and the page, oldest first', () => {
    const query = hopPagesQuery(
      ['LocalAuthority:iow'],
      hop({ from: '2022-01-01', to: '2022-12-31', oldestFirst: true }),
    );
    expect(query.text).toMatchInlineSnapshot(
      `"UNWIND $parents AS parentUid MATCH (parent:Entity {uid: parentUid}) RETURN parentUid, [COUNT { MATCH (parent)<-[:MENTIONS]-(c0) WHERE c0.date >= $p1 AND c0.date <= $p2 }, COLLECT { MATCH (parent)<-[r3:MENTIONS]-(n4) WITH r3, n4, n4.date AS d5 WHERE d5 >= $p1 AND d5 <= $p2 ORDER BY d5 IS NULL, d5, n4.position, n4.key, n4.uid LIMIT toInteger($p6) RETURN [[n4.key, null, [prop7 IN $p8 | n4[prop7]]], [[prop9 IN $p10 | r3[prop9]]], [d5 IS NULL, d5, n4.position, n4.key, n4.uid]] }] AS page"`,
    );
    expect(query.params).toMatchInlineSnapshot(`
      {
        "p1": "2022-01-01",
        "p10": [
          "",
          "",
        ],
        "p2": "2022-12-31",
        "p6": 11,
        "p8": [
          "title",
          "",
        ],
        "parents": [
          "LocalAuthority:iow",
          "",
        ],
      }
    `);
  });

  it("an evidence slice with its quotes, its Updates' dates and its items", () => {
    const query = contactsEvidence({
      relProps: ['evidence', 'evidenceCount', 'firstSeen', 'lastSeen', 'id'],
      evidence: 5,
      evidenceLists: ['quotes'],
      evidenceNodes: {
        issue: { props: ['number', 'date'], hops: [] },
        item: { props: ['title'], hops: [] },
      },
    });
    expect(query.text).toMatchInlineSnapshot(
      `"UNWIND $parents AS parentUid MATCH (parent:Entity {uid: parentUid}) RETURN parentUid, [null, COLLECT { MATCH (parent)<-[r0:CONTACT_FOR]-(n1) WITH r0, n1 ORDER BY n1.key, n1.uid LIMIT toInteger($p2) RETURN [[n1.key, null, [prop3 IN $p4 | n1[prop3]]], [[prop5 IN $p6 | r0[prop5]], r0.firstSeen, r0.lastSeen, size(coalesce(r0.sources, [])) + coalesce(r0.overflow, 0), coalesce(r0.sources, [])[..$p7], coalesce(r0.quotes, [])[..$p7], null, COLLECT { UNWIND range(0, size(coalesce(r0.sources, [])[..$p7]) - 1) AS k8 WITH k8, coalesce(r0.sources, [])[..$p7][k8] AS src9 OPTIONAL MATCH (ei10:Entity {uid: 'Issue:issue:' + split(replace(src9, 'issue:', ''), '/')[0]}) OPTIONAL MATCH (et11:Entity {uid: CASE WHEN src9 STARTS WITH 'issue:' THEN null ELSE 'Item:' + src9 END}) WITH k8, ei10, et11 ORDER BY k8 RETURN [CASE WHEN ei10 IS NULL THEN null ELSE [ei10.key, null, [prop12 IN $p13 | ei10[prop12]]] END, CASE WHEN et11 IS NULL THEN null ELSE [et11.key, null, [prop14 IN $p15 | et11[prop14]]] END] }], [n1.key, n1.uid]] }] AS page"`,
    );
  });

  it('an evidence slice reaching past the entries the edge keeps, into its :Evidence nodes', () => {
    const query = contactsEvidence({
      relProps: ['evidence'],
      evidence: 15,
      evidenceLists: ['quotes', 'seenOn'],
      evidenceNodes: { issue: null, item: { props: ['title'], hops: [] } },
    });
    expect(query.text).toMatchInlineSnapshot(
      `"UNWIND $parents AS parentUid MATCH (parent:Entity {uid: parentUid}) RETURN parentUid, [null, COLLECT { MATCH (parent)<-[r0:CONTACT_FOR]-(n1) WITH r0, n1 ORDER BY n1.key, n1.uid LIMIT toInteger($p2) RETURN [[n1.key, null, [prop3 IN $p4 | n1[prop3]]], [ov5 IN [CASE WHEN coalesce(r0.overflow, 0) = 0 THEN [] ELSE COLLECT { MATCH (ev6:Evidence {edge: startNode(r0).uid + '\\t' + type(r0) + '\\t' + endNode(r0).uid + '\\t' + coalesce(r0.key, '')}) WHERE ev6.source IS NOT NULL AND ev6.quote IS NOT NULL AND ev6.date IS NOT NULL WITH ev6 ORDER BY ev6.edge, ev6.date, ev6.source, ev6.quote LIMIT toInteger($p7) RETURN [ev6.source, ev6.quote, ev6.date] } END] | [[prop8 IN $p9 | r0[prop8]], null, null, null, (coalesce(r0.sources, []) + [x10 IN ov5 | x10[0]])[..$p7], (coalesce(r0.quotes, []) + [x10 IN ov5 | x10[1]])[..$p7], (coalesce(r0.seenOn, []) + [x10 IN ov5 | x10[2]])[..$p7], COLLECT { UNWIND range(0, size((coalesce(r0.sources, []) + [x10 IN ov5 | x10[0]])[..$p7]) - 1) AS k11 WITH k11, (coalesce(r0.sources, []) + [x10 IN ov5 | x10[0]])[..$p7][k11] AS src12 OPTIONAL MATCH (et13:Entity {uid: CASE WHEN src12 STARTS WITH 'issue:' THEN null ELSE 'Item:' + src12 END}) WITH k11, et13 ORDER BY k11 RETURN [null, CASE WHEN et13 IS NULL THEN null ELSE [et13.key, null, [prop14 IN $p15 | et13[prop14]]] END] }]][0], [n1.key, n1.uid]] }] AS page"`,
    );
  });

  it('an evidence slice whose Updates are asked only their number (made from the source, no lookup)', () => {
    const query = contactsEvidence({
      relProps: ['evidence'],
      evidence: 3,
      evidenceNodes: { issue: { props: ['number'], hops: [] }, item: null },
    });
    expect(query.text).toMatchInlineSnapshot(
      `"UNWIND $parents AS parentUid MATCH (parent:Entity {uid: parentUid}) RETURN parentUid, [null, COLLECT { MATCH (parent)<-[r0:CONTACT_FOR]-(n1) WITH r0, n1 ORDER BY n1.key, n1.uid LIMIT toInteger($p2) RETURN [[n1.key, null, [prop3 IN $p4 | n1[prop3]]], [[prop5 IN $p6 | r0[prop5]], null, null, null, coalesce(r0.sources, [])[..$p7]], [n1.key, n1.uid]] }] AS page"`,
    );
  });

  it('the report feeds', () => {
    const query = feedsQuery(
      'MATCH (r:Report)-[f:FEEDS]->(n:Network) RETURN r, f, n',
      [
        ascending('n.key'),
        descending('f.lastSeen'),
        ascending('r.key'),
        ascending('r.uid'),
        ascending('n.uid'),
      ],
      FIRST_ROWS(20),
      {
        report: { props: ['title'], hops: [] },
        network: NAME_ONLY,
        rel: { ...NO_REL, relProps: ['rule', 'terms', 'lastSeen'] },
      },
    );
    expect(query.text).toMatchInlineSnapshot(`
      "CALL () {
      MATCH (r:Report)-[f:FEEDS]->(n:Network) RETURN r, f, n
      } WITH count(*) AS total CALL () { CALL () {
      MATCH (r:Report)-[f:FEEDS]->(n:Network) RETURN r, f, n
      } WITH r, f, n, [n.key, f.lastSeen, r.key, r.uid, n.uid] AS key WITH r, f, n, key ORDER BY key[0], key[1] DESC, key[2], key[3], key[4] LIMIT toInteger($p0) RETURN collect([[[r.key, null, [prop1 IN $p2 | r[prop1]]], [n.key, null, [prop3 IN $p4 | n[prop3]]], [[prop5 IN $p6 | f[prop5]], null, f.lastSeen]], key]) AS entries } RETURN total, entries"
    `);
  });

  it('a root list, each node with a hop page', () => {
    const query = listQuery(cypher('list-meetings'), listOrder('list-meetings'), FIRST_ROWS(20), {
      props: ['title', 'date'],
      hops: [
        hop({
          key: 'network',
          hop: { type: 'HOLDS', direction: 'in' },
          window: FIRST_ROWS(1),
          counted: false,
          node: NAME_ONLY,
        }),
      ],
    });
    expect(query.text).toMatchInlineSnapshot(`
      "CALL () {
      // Root list: Meetings, soonest first, filtered by network key and date range.
      // The rows, unordered: the caller orders them (the terms in src/storage/lists.ts), pages them by key and
      // projects each node (src/storage/window.ts pagedRows).
      MATCH (n:Meeting)
      WHERE ($from IS NULL OR n.date >= $from) AND ($to IS NULL OR n.date <= $to)
        AND ($network IS NULL OR EXISTS { (:Network {key: $network})-[:HOLDS]->(n) })
      RETURN n, null AS count

      } WITH count(*) AS total CALL () { CALL () {
      // Root list: Meetings, soonest first, filtered by network key and date range.
      // The rows, unordered: the caller orders them (the terms in src/storage/lists.ts), pages them by key and
      // projects each node (src/storage/window.ts pagedRows).
      MATCH (n:Meeting)
      WHERE ($from IS NULL OR n.date >= $from) AND ($to IS NULL OR n.date <= $to)
        AND ($network IS NULL OR EXISTS { (:Network {key: $network})-[:HOLDS]->(n) })
      RETURN n, null AS count

      } WITH n, count, [n.date, n.key, n.uid] AS key WITH n, count, key ORDER BY key[0], key[1], key[2] LIMIT toInteger($p0) RETURN collect([[[n.key, [l IN labels(n) WHERE l <> 'Entity'][0], [prop1 IN $p2 | n[prop1]], [[null, COLLECT { MATCH (n)<-[r3:HOLDS]-(n4) WITH r3, n4 ORDER BY n4.key, n4.uid LIMIT toInteger($p5) RETURN [[n4.key, null, [prop6 IN $p7 | n4[prop6]]], [[prop8 IN $p9 | r3[prop8]]], [n4.key, n4.uid]] }]]], count], key]) AS entries } RETURN total, entries"
    `);
  });
});
