import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { OpenDatabase } from '../../src/db/open.js';
import { loadResolver } from '../../src/load/reference.js';
import { ingestFiles } from '../../src/load/ingest.js';
import { edgeId } from '../../src/graph/index.js';
import {
  listDecisions,
  recordDecision,
  undoDecision,
  type DecisionLine,
} from '../../src/storage/decisions.js';
import { captureCommands } from '../support/commands.js';
import { graphSnapshot, openEmptyTestDatabase, query } from '../support/graph.js';

/**
 * `seslip-kg decisions export|import` and the whole-graph file with decisions in it: a rebuild from an empty
 * graph with the same Updates and the decisions file gives the same graph; an exported graph comes back with
 * its decisions applied and undoable.
 */

/** Several full loads of the seeds on a busy 2-core machine. */
const LONG_TEST_TIMEOUT = 300_000;

let opened: OpenDatabase;
const output = captureCommands();
const dir = mkdtempSync(join(tmpdir(), 'seslip-decisions-'));

const entitiesOnly = async () => {
  const snapshot = await graphSnapshot();
  return {
    nodes: snapshot.nodes.filter((n) => (n as { labels: string[] }).labels.includes('Entity')),
    edges: snapshot.edges,
  };
};

const decide = (line: Omit<DecisionLine, 'seq' | 'by' | 'at' | 'undone' | 'undoneBy' | 'undoneAt'>) =>
  opened.db.writeTransaction((tx) =>
    recordDecision(tx, {
      ...line,
      by: 'ana',
      at: '2026-12-07T10:00:00.000Z',
      undone: false,
      undoneBy: null,
      undoneAt: null,
    }),
  );

beforeAll(async () => {
  opened = await openEmptyTestDatabase();
  await ingestFiles(opened.db, await loadResolver(), ['seed']);
});
afterAll(async () => {
  await opened?.close();
});

describe('decisions on the command line', () => {
  it(
    'every kind of decision survives export, an empty graph, import and a reload; the graph file carries them',
    async () => {
      const pristine = await entitiesOnly();
      const [contact] = await query(
        `MATCH (p:Person {key: 'luke ede'})-[r:CONTACT_FOR]->(n:Network) RETURN p.uid AS from, n.uid AS to, r.key AS key LIMIT 1`,
      );
      const [doubt] = await query(
        `MATCH (a:Person)-[:POSSIBLY_SAME_AS]->(b:Person) RETURN a.uid AS a, b.uid AS b LIMIT 1`,
      );
      // The first Update that names her (each Issue records the nodes its Update described).
      const [first] = await query(
        `MATCH (i:Issue) WHERE any(d IN i.describedNodes WHERE d STARTS WITH 'Person:rebecca eligon\t') RETURN min(i.number) AS number`,
      );
      await decide({
        id: 'd1',
        kind: 'MERGE',
        subjects: [],
        note: 'same',
        params: { kind: 'MERGE', keep: 'Person:chris owen', others: ['Person:alison rendle'] },
      });
      await decide({
        id: 'd2',
        kind: 'RENAME',
        subjects: [],
        note: 'full name',
        params: { kind: 'RENAME', uid: 'Network:fostering network', name: 'SE Fostering Network' },
      });
      const edge = {
        type: 'CONTACT_FOR',
        from: String(contact!.from),
        to: String(contact!.to),
        key: String(contact!.key ?? ''),
      };
      await decide({
        id: 'd3',
        kind: 'REJECT_EDGE',
        subjects: [edgeId(edge)],
        note: 'wrong',
        params: { kind: 'REJECT_EDGE', edge },
      });
      await decide({
        id: 'd4',
        kind: 'ASSERT_EDGE',
        subjects: [],
        note: 'she told us',
        params: {
          kind: 'ASSERT_EDGE',
          edge: {
            type: 'CONTACT_FOR',
            from: 'Person:rebecca eligon',
            to: 'Network:sesl ip nowhere',
            key: '',
          },
        },
      });
      await decide({
        id: 'd5',
        kind: 'SPLIT',
        subjects: [],
        note: 'two people',
        params: {
          kind: 'SPLIT',
          uid: 'Person:rebecca eligon',
          newUid: 'Person:rebecca eligon 2',
          name: 'Rebecca Eligon 2',
          updates: [Number(first!.number)],
        },
      });
      if (doubt !== undefined)
        await decide({
          id: 'd6',
          kind: 'KEEP_APART',
          subjects: [],
          note: 'not the same',
          params: { kind: 'KEEP_APART', uids: [String(doubt.a), String(doubt.b)] },
        });
      await decide({
        id: 'd7',
        kind: 'ASSERT_EDGE',
        subjects: [],
        note: 'he runs it now',
        params: {
          kind: 'ASSERT_EDGE',
          edge: { type: 'CONTACT_FOR', from: 'Person:luke ede', to: 'Network:fostering network', key: '' },
        },
      });
      const facts = async () =>
        (
          await query(
            `RETURN
          EXISTS { MATCH (:Person {uid: 'Person:alison rendle'}) } AS mergedAway,
          COLLECT { MATCH (p:Person {uid: 'Person:chris owen'}) RETURN p.variants }[0] AS keptVariants,
          COLLECT { MATCH (n:Network {uid: 'Network:fostering network'}) RETURN n.name }[0] AS renamed,
          EXISTS { MATCH (:Person {uid: 'Person:rebecca eligon 2'})--() } AS split,
          COUNT { MATCH (:Person {uid: $from})-[:CONTACT_FOR]->(:Network {uid: $to}) } AS rejected,
          [(:Person {uid: 'Person:luke ede'})-[r:CONTACT_FOR]->(:Network {uid: 'Network:fostering network'}) | r.quotes][0] AS asserted,
          COUNT { MATCH (a:Person)-[:POSSIBLY_SAME_AS]-(b:Person) WHERE a.uid = $a AND b.uid = $b } AS doubts`,
            { from: edge.from, to: edge.to, a: doubt?.a ?? '', b: doubt?.b ?? '' },
          )
        )[0];
      expect(await facts()).toEqual({
        mergedAway: false,
        keptVariants: expect.arrayContaining(['Alison Rendle']),
        renamed: 'SE Fostering Network',
        split: true,
        rejected: 0,
        asserted: ['he runs it now'],
        doubts: 0,
      });
      // The CSV export of an answer leaves the rejected edge out, like every answer.
      const questions = join(dir, 'contacts.graphql');
      writeFileSync(
        questions,
        `query Contacts($id: ID!) { node(id: $id) { ... on Network { contacts(first: 50) { edges { id node { name } } } } } }`,
      );
      expect(
        await main(['query', questions, '--var', `id=${Buffer.from(edge.to).toString('base64')}`, '--csv']),
      ).toBe(0);
      expect(output.stdout).not.toContain(edgeId(edge));
      expect(output.stdout.split('\n').length).toBeGreaterThan(1);
      const decided = await entitiesOnly();
      expect(decided).not.toEqual(pristine);
      const stale = (await opened.db.writeTransaction((tx) => listDecisions(tx)))
        .filter((d) => d.stale)
        .map((d) => d.id);
      expect(stale).toEqual(['d4']); // its network is not in the graph

      // Decisions file → empty graph → import → the same Updates: the same graph.
      const file = join(dir, 'decisions.jsonl');
      expect(await main(['decisions', 'export', file])).toBe(0);
      expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(doubt === undefined ? 6 : 7);
      await opened.db.write('test-clear-graph');
      expect(await main(['decisions', 'import', file])).toBe(0);
      expect(output.stdout).toMatch(/imported \d decisions/);
      await ingestFiles(opened.db, await loadResolver(), ['seed']);
      expect(await entitiesOnly()).toEqual(decided);
      await ingestFiles(opened.db, await loadResolver(), ['seed'], { force: true });
      expect(await entitiesOnly()).toEqual(decided);

      // The whole-graph file carries them, applied: the round trip is identical, and undo still works after it.
      const before = await graphSnapshot();
      const graphFile = join(dir, 'graph.jsonl');
      expect(await main(['export', graphFile])).toBe(0);
      expect(await main(['import', graphFile, '--replace'])).toBe(0);
      expect(await graphSnapshot()).toEqual(before);
      for (const decision of (await opened.db.writeTransaction((tx) => listDecisions(tx))).reverse())
        await opened.db.writeTransaction((tx) =>
          undoDecision(tx, decision, 'ana', '2026-12-07T11:00:00.000Z'),
        );
      expect(await entitiesOnly()).toEqual(pristine);
      expect(await facts()).toMatchObject({
        mergedAway: true,
        renamed: 'Fostering Network',
        split: false,
        rejected: 1,
      });
    },
    LONG_TEST_TIMEOUT,
  );
});
