import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadResolver } from '../../src/load/reference.js';
import { ingestFiles } from '../../src/load/ingest.js';
import { writeSyntheticUpdates } from '../support/synthetic-updates.js';
import { data, useSeededApi, type Connection, type Json } from './helpers.js';

/**
 * Pages stay put: a client that read a page, then asks for the next one after Updates were ingested in
 * between, gets the rows that follow the last row it saw — none it saw again, none that existed skipped —
 * although the new Updates put rows ahead of it (the offset it had reached now points elsewhere).
 */

const api = useSeededApi();

type Node = { id: string };

interface Subject {
  name: string;
  size: number;
  page: (args: string) => string;
  pick: (data: Json) => Connection<Node>;
}

const EDGES = 'totalCount pageInfo { hasNextPage endCursor } edges { node { id } }';

const subjects: Subject[] = [
  { name: 'issues', size: 2, page: (a) => `{ issues(${a}) { ${EDGES} } }`, pick: (d) => d.issues },
  { name: 'items', size: 10, page: (a) => `{ items(${a}) { ${EDGES} } }`, pick: (d) => d.items },
  { name: 'reports', size: 7, page: (a) => `{ reports(${a}) { ${EDGES} } }`, pick: (d) => d.reports },
  {
    name: 'reports oldest first',
    size: 7,
    page: (a) => `{ reports(orderBy: OLDEST_FIRST, ${a}) { ${EDGES} } }`,
    pick: (d) => d.reports,
  },
  { name: 'meetings', size: 5, page: (a) => `{ meetings(${a}) { ${EDGES} } }`, pick: (d) => d.meetings },
  {
    name: 'organisation(name: "DfE").reports',
    size: 5,
    page: (a) => `{ organisation(name: "DfE") { reports(${a}) { ${EDGES} } } }`,
    pick: (d) => d.organisation.reports,
  },
];

const ids = (connection: Connection<Node>): string[] => connection.edges.map((edge) => edge.node.id);

const fetchPage = async (subject: Subject, args: string): Promise<Connection<Node>> =>
  subject.pick(await data(api.app, subject.page(args)));

async function wholeList(subject: Subject): Promise<string[]> {
  const all = await fetchPage(subject, 'first: 100');
  expect(all.pageInfo.hasNextPage, `${subject.name} fits one page`).toBe(false);
  return ids(all);
}

describe('a page fetched after an ingest continues after the last row seen', () => {
  it(
    'on root lists and relationship connections, newest first and oldest first',
    { timeout: 300_000 },
    async () => {
      const before = await Promise.all(subjects.map(wholeList));
      const firstPages = await Promise.all(
        subjects.map((subject) => fetchPage(subject, `first: ${subject.size}`)),
      );

      // Update 1000 (September 2011) puts rows at the front of oldest-first lists; 1600 and 1601 (2023) at
      // the front of newest-first ones.
      const dir = await mkdtemp(join(tmpdir(), 'seslip-kg-keyset-'));
      try {
        const files = [
          ...(await writeSyntheticUpdates(dir, 1)),
          ...(await writeSyntheticUpdates(dir, 602, 1000, 600)),
        ];
        const added = await ingestFiles(api.opened.db, await loadResolver(), files);
        expect(added.counts).toMatchObject({ loaded: 3, failed: 0 });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }

      for (const [i, subject] of subjects.entries()) {
        const old = before[i]!;
        const seen = ids(firstPages[i]!);
        expect(seen).toEqual(old.slice(0, subject.size));
        const now = await wholeList(subject);
        const lastSeen = seen.at(-1)!;
        // The ingest put rows ahead of the last row seen: an offset cursor would now repeat rows.
        expect(now.indexOf(lastSeen), `${subject.name}: rows were added ahead`).toBeGreaterThan(
          old.indexOf(lastSeen),
        );

        const next = ids(
          await fetchPage(
            subject,
            `first: ${subject.size}, after: ${JSON.stringify(firstPages[i]!.pageInfo.endCursor)}`,
          ),
        );
        const from = now.indexOf(lastSeen) + 1;
        expect(next, subject.name).toEqual(now.slice(from, from + subject.size));
        expect(
          next.filter((id) => seen.includes(id)),
          `${subject.name}: no row seen again`,
        ).toEqual([]);
        const existed = next.filter((id) => old.includes(id));
        expect(existed, `${subject.name}: no row that existed skipped`).toEqual(
          old.slice(subject.size, subject.size + existed.length),
        );
      }
    },
  );
});
