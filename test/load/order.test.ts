import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/db/open.js';
import { type Resolver } from '../../src/extract/resolve.js';
import { loadResolver } from '../../src/load/reference.js';
import { ingestFiles } from '../../src/load/ingest.js';
import { graphSnapshot, openEmptyTestDatabase, query } from '../support/graph.js';
import { writeSyntheticUpdates } from '../support/synthetic-updates.js';

/**
 * Order independence: the graph after loading the same Updates in any order is identical, property by
 * property, and taking an Update back (replacing it) restores what the other Updates said of shared nodes
 * and edges. The seeds describe the same meetings, networks and people in different words, and the
 * synthetic Updates repeat reports and contacts whose roles change over the years.
 */

let opened: OpenDatabase;
let resolver: Resolver;
let updates: string[];
let inNumberOrder: Awaited<ReturnType<typeof graphSnapshot>>;
const folder = mkdtempSync(join(tmpdir(), 'seslip-order-'));
const seeds = readdirSync('seed')
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => join('seed', name));

/** A seeded shuffle (mulberry32), so a failing order can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function loadFresh(files: string[], force = false): Promise<Awaited<ReturnType<typeof graphSnapshot>>> {
  await opened.db.write('test-clear-graph');
  const summary = await ingestFiles(opened.db, resolver, files, { force });
  expect(summary.counts.failed).toBe(0);
  return graphSnapshot();
}

/**
 * Versions of seed 518 on what it shares with 515: the QA Network meeting (same date) and Amanda Meadows's
 * role at Hampshire. `changed518` gives the meeting another time and Amanda another role; `without518`
 * drops both lines, so that only 515's word is left on them.
 */
const U518 = join('seed', 'update-518-2022-08-12.txt');
const changed518 = join(folder, 'changed', 'update-518-2022-08-12.txt');
const without518 = join(folder, 'without', 'update-518-2022-08-12.txt');
const QA_MEETING = /(QA Network:\s+Wednesday\s+14\s+September) at 2pm/;
const AMANDA_ROLE = /Children’s Services Performance Manager, (Convener Of SE Quality[^\n]*)/;

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

beforeAll(async () => {
  opened = await openEmptyTestDatabase();
  resolver = await loadResolver();
  updates = [...seeds, ...(await writeSyntheticUpdates(join(folder, 'synthetic'), 25))];
  const original = readFileSync(U518, 'utf8');
  expect(original).toMatch(QA_MEETING);
  expect(original).toMatch(AMANDA_ROLE);
  write(
    changed518,
    original.replace(QA_MEETING, '$1 at 3pm').replace(AMANDA_ROLE, 'Head of Performance, $1'),
  );
  write(without518, original.replace(QA_MEETING, '').replace(AMANDA_ROLE, ''));
  inNumberOrder = await loadFresh(updates);
}, 600_000);
afterAll(async () => {
  await opened?.close();
});

describe('order independence', () => {
  it('shared nodes really are described differently by different Updates (else this proves nothing)', async () => {
    // Each stored version is one distinct description (src/load/versions.ts).
    const [row] = await query(
      `MATCH (n:Entity) WHERE size(coalesce(n.versions, [])) > 1 RETURN count(n) AS differing`,
    );
    expect(row!.differing as number).toBeGreaterThan(0);
  });

  it.each([1, 2, 3])(
    'loading in random order %i gives the identical graph',
    async (seed) => {
      expect(await loadFresh(shuffled(updates, seed))).toEqual(inNumberOrder);
    },
    600_000,
  );

  it('re-ingesting an older Update after newer ones (forced) changes nothing', async () => {
    await loadFresh(updates);
    const summary = await ingestFiles(opened.db, resolver, [seeds[0]!], { force: true });
    expect(summary.counts).toMatchObject({ replaced: 1, failed: 0 });
    expect(await graphSnapshot()).toEqual(inNumberOrder);
  }, 600_000);

  it('replacing an Update restores what the other Updates said; replacing it back restores the graph', async () => {
    const others = updates.filter((file) => file !== U518);
    const clean = await loadFresh([...others, without518]);
    const meeting = `MATCH (m:Meeting {key: 'se quality assurance network@2022-09-14'}) RETURN m.time AS time`;
    expect(await query(meeting)).toEqual([{ time: '2pm' }]);

    await loadFresh([...others, changed518]);
    expect(await query(meeting)).toEqual([{ time: '3pm' }]);
    const replaced = await ingestFiles(opened.db, resolver, [without518], { force: true });
    expect(replaced.counts).toMatchObject({ replaced: 1, failed: 0 });
    expect(await graphSnapshot()).toEqual(clean);

    const back = await ingestFiles(opened.db, resolver, [U518], { force: true });
    expect(back.counts).toMatchObject({ replaced: 1, failed: 0 });
    expect(await graphSnapshot()).toEqual(inNumberOrder);
  }, 600_000);
});
