import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { OpenDatabase } from '../../src/db/open.js';
import { extractGraph } from '../../src/extract/extract.js';
import { createResolver, type Resolver } from '../../src/extract/resolve.js';
import { loadResolver } from '../../src/load/reference.js';
import { loadReferenceData } from '../../src/load/reference.js';
import { deriveEdges } from '../../src/load/derive.js';
import { ingestFiles } from '../../src/load/ingest.js';
import { loadUpdate } from '../../src/load/loader.js';
import { parseUpdate } from '../../src/parse/index.js';
import { graphSnapshot, openEmptyTestDatabase, query, unreachableDatabase } from '../support/graph.js';
import { parseOptions } from '../parse/helpers.js';

/** Loading behaviour against the real Neo4j: idempotence, atomicity, replacement, failures, derivation. */

let opened: OpenDatabase;
let resolver: Resolver;
const seed = (name: string) => join('seed', name);
const U518 = seed('update-518-2022-08-12.txt');
/** 518:58 with the Fostering Network meeting moved from 19 to 26 October (the seeds use non-breaking spaces). */
const corrected518 = () =>
  readFileSync(U518, 'utf8').replace(
    /Fostering Network:\s+Wednesday\s+19\s+October/,
    'Fostering Network: Wednesday 26 October',
  );

async function clear(): Promise<void> {
  await opened.db.write('test-clear-graph');
}

beforeAll(async () => {
  opened = await openEmptyTestDatabase();
  resolver = await loadResolver();
});
afterAll(async () => {
  await opened?.close();
});
beforeEach(clear);

// Each of these loads the five seeds twice: allow for a slow, shared machine.
describe('idempotence', () => {
  it('ingesting the seeds twice changes nothing: same nodes, edges and properties', async () => {
    const first = await ingestFiles(opened.db, resolver, ['seed']);
    expect(first.counts).toMatchObject({ loaded: 5, failed: 0 });
    const before = await graphSnapshot();
    const second = await ingestFiles(opened.db, resolver, ['seed']);
    expect(second.counts).toMatchObject({ loaded: 0, unchanged: 5, failed: 0 });
    expect(await graphSnapshot()).toEqual(before);
  }, 120_000);

  it('a forced reload of every seed (retract, then write again) also leaves the graph identical', async () => {
    await ingestFiles(opened.db, resolver, ['seed']);
    const before = await graphSnapshot();
    const forced = await ingestFiles(opened.db, resolver, ['seed'], { force: true });
    expect(forced.counts).toMatchObject({ replaced: 5, failed: 0 });
    expect(await graphSnapshot()).toEqual(before);
  }, 120_000);
});

describe('atomicity', () => {
  it('an Update that fails mid-load leaves the graph exactly as before', async () => {
    await ingestFiles(opened.db, resolver, [
      seed('update-330-2018-11-30.txt'),
      seed('update-412-2020-07-17.txt'),
    ]);
    const before = await graphSnapshot();
    const records = extractGraph(parseUpdate(readFileSync(U518, 'utf8'), U518, parseOptions), resolver);
    const failure = await loadUpdate(opened.db, records, {
      contentHash: 'x',
      beforeCommit: async (tx) => {
        // The writes happened inside the transaction…
        const [row] = await tx.query('issue-count', z.object({ issues: z.number() }));
        expect(row?.issues).toBe(3);
        throw new Error('simulated failure after the writes');
      },
    }).catch((error: unknown) => error);
    expect((failure as Error).message).toMatch(/simulated failure/);
    // …and none of them is visible now.
    expect(await graphSnapshot()).toEqual(before);
  });

  it('a failed reload of a changed Update keeps its previous contribution', async () => {
    await ingestFiles(opened.db, resolver, [U518]);
    const before = await graphSnapshot();
    const records = extractGraph(parseUpdate(corrected518(), U518, parseOptions), resolver);
    await expect(
      loadUpdate(opened.db, records, {
        contentHash: 'changed',
        beforeCommit: async () => {
          throw new Error('simulated failure');
        },
      }),
    ).rejects.toThrow(/simulated failure/);
    expect(await graphSnapshot()).toEqual(before);
  });
});

describe('replacing a corrected Update', () => {
  it("replaces what the Update contributed and leaves other Updates' contributions alone", async () => {
    await ingestFiles(opened.db, resolver, ['seed']);
    const dir = mkdtempSync(join(tmpdir(), 'seslip-corrected-'));
    const corrected = join(dir, 'update-518-2022-08-12.txt');
    expect(corrected518()).not.toBe(readFileSync(U518, 'utf8'));
    writeFileSync(corrected, corrected518());
    const summary = await ingestFiles(opened.db, resolver, [corrected]);
    expect(summary.counts).toMatchObject({ replaced: 1, failed: 0 });

    const meetings = await query(
      `MATCH (:Network {name: 'Fostering Network'})-[h:HOLDS]->(m:Meeting) RETURN m.date AS date, h.sources AS sources ORDER BY date`,
    );
    // 2021-07-19 comes from 451 (451:75); 2022-10-19 also from 515 (515:99), so it stays with 515's evidence
    // only; 2022-10-26 is the correction's.
    expect(meetings.map((m) => m.date)).toEqual(['2021-07-19', '2022-10-19', '2022-10-26']);
    expect((meetings[1]!.sources as string[]).every((s) => s.startsWith('515/'))).toBe(true);
    expect((meetings[2]!.sources as string[]).every((s) => s.startsWith('518/'))).toBe(true);
    // Luke Ede's listings from the other Updates are untouched, and 518's listing is back.
    const listings = await query(
      `MATCH (:Person {name: 'Luke Ede'})-[:LISTED_IN]->(i:Issue) RETURN i.number AS issue ORDER BY issue`,
    );
    expect(listings.map((l) => l.issue)).toEqual([330, 412, 515, 518]);
    // Nothing in the graph still cites Update 518's old items as evidence for 19 October.
    const stale = await query(
      `MATCH (:Meeting {date: '2022-10-19'})-[r]-() WHERE any(s IN r.sources WHERE s STARTS WITH '518/') RETURN count(r) AS n`,
    );
    expect(stale).toEqual([{ n: 0 }]);
  });
});

describe('failures and dry runs', () => {
  it('a bad file is reported with its name while the others still load', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seslip-bad-'));
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x55, 0x50, 0x00, 0x01, 0x02, 0xff]));
    const summary = await ingestFiles(opened.db, resolver, [binary, U518, join(dir, 'missing.txt')]);
    expect(summary.counts).toMatchObject({ loaded: 1, failed: 2 });
    const failures = summary.files.filter((f) => f.status === 'failed').map((f) => f.error);
    expect(failures[0]).toContain('missing.txt');
    expect(failures.join('\n')).toContain('binary.txt');
    expect(await query(`MATCH (i:Issue) RETURN i.number AS number`)).toEqual([{ number: 518 }]);
  });

  it('a dry run reads and extracts but writes nothing', async () => {
    const summary = await ingestFiles(opened.db, resolver, ['seed'], { dryRun: true });
    expect(summary.counts).toMatchObject({ new: 5, loaded: 0 });
    expect(summary.files.every((f) => f.nodes > 0 && f.edges > 0)).toBe(true);
    expect(await query(`MATCH (n) RETURN count(n) AS n`)).toEqual([{ n: 0 }]);
  });
});

describe('derived edges', () => {
  it('an edited lexicon changes FEEDS on derive, without re-ingesting', async () => {
    await ingestFiles(opened.db, resolver, ['seed']);
    const feeds = async () =>
      query(
        `MATCH (r:Report)-[f:FEEDS]->(:Network {name: 'Lead Members Group'}) RETURN r.title AS title, f.rule AS rule, f.terms AS terms`,
      );
    const base = await loadReferenceData();
    // "exploitation" is in the 518 item citing the Home Office response (518:29-36), not in the Lead Members lexicon.
    expect((await feeds()).some((f) => (f.terms as string[]).includes('exploitation'))).toBe(false);
    const edited = createResolver({
      ...base,
      networks: base.networks.map((n) =>
        n.name === 'Lead Members Group' ? { ...n, terms: [...n.terms, 'exploitation'] } : n,
      ),
    });
    await deriveEdges(opened.db, edited);
    const after = await feeds();
    expect(
      after.some((f) => f.rule === 'topic-lexicon' && (f.terms as string[]).includes('exploitation')),
    ).toBe(true);
    // Back to the lexicon in data/: the edge goes again.
    await deriveEdges(opened.db, resolver);
    expect((await feeds()).some((f) => (f.terms as string[]).includes('exploitation'))).toBe(false);
  });

  it('an ingest derives only what it changed, and gives the derived edges a full derive gives', async () => {
    // One Update at a time, and a forced change of one, each ingest deriving only within its own scope.
    const files = ['update-330-2018-11-30.txt', 'update-412-2020-07-17.txt', 'update-451-2021-04-30.txt'];
    for (const name of files) await ingestFiles(opened.db, resolver, [seed(name)]);
    await ingestFiles(opened.db, resolver, [U518, 'test/fixtures/load/update-900-2023-01-13.txt']);
    const dir = tempDir('scoped-derive');
    writeFileSync(join(dir, 'update-518-2022-08-12.txt'), corrected518());
    await ingestFiles(opened.db, resolver, [dir], { force: true });
    const derived = () =>
      query(
        `MATCH (a)-[r:FEEDS|POSSIBLY_SAME_AS]->(b)
         RETURN a.uid AS from, type(r) AS type, b.uid AS to, properties(r) AS props ORDER BY from, type, to`,
      );
    const scoped = await derived();
    expect(scoped.filter((edge) => edge.type === 'FEEDS').length).toBeGreaterThan(10);
    expect(scoped.some((edge) => edge.type === 'POSSIBLY_SAME_AS')).toBe(true);
    await deriveEdges(opened.db, resolver);
    expect(await derived()).toEqual(scoped);
  }, 240_000);

  it('a doubtful person match is recorded as POSSIBLY_SAME_AS and reported, never merged', async () => {
    const summary = await ingestFiles(opened.db, resolver, [
      U518,
      'test/fixtures/load/update-900-2023-01-13.txt',
    ]);
    expect(summary.counts).toMatchObject({ loaded: 2, failed: 0 });
    expect(summary.derived?.doubts.join('\n')).toMatch(/Evans/);
    const rows = await query(
      `MATCH (a:Person)-[s:POSSIBLY_SAME_AS]-(b:Person) WHERE a.name < b.name
       RETURN a.name AS a, b.name AS b, s.rule AS rule, size(s.sources) AS sources`,
    );
    expect(rows).toEqual([
      { a: 'Mark Evans', b: 'Martin Evans', rule: 'same-surname-and-initial', sources: 2 },
    ]);
    expect(
      await query(`MATCH (p:Person) WHERE p.name ENDS WITH 'Evans' RETURN p.name AS name ORDER BY name`),
    ).toEqual([{ name: 'Mark Evans' }, { name: 'Martin Evans' }]);
  });
});

const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `seslip-${prefix}-`));
const U330 = seed('update-330-2018-11-30.txt');
const U451 = seed('update-451-2021-04-30.txt');

describe('identity by content, not path', () => {
  it('the same Update under another name and folder is unchanged, and sourceFile is a file name', async () => {
    await ingestFiles(opened.db, resolver, [U518]);
    const before = await graphSnapshot();
    const copy = join(tempDir('copy'), 'saved-from-mail.txt');
    copyFileSync(U518, copy);
    const again = await ingestFiles(opened.db, resolver, [copy]);
    expect(again.counts).toMatchObject({ unchanged: 1, replaced: 0, loaded: 0 });
    expect(await graphSnapshot()).toEqual(before);
    // The name of the file first loaded, never the folder it sat in on the ingesting machine.
    expect(await query(`MATCH (i:Issue {number: 518}) RETURN i.sourceFile AS file`)).toEqual([
      { file: 'update-518-2022-08-12.txt' },
    ]);
  });
});

describe('walking folders', () => {
  it('finds Updates in subfolders and lists every skipped file with the reason; a FIFO does not hang', async () => {
    const dir = tempDir('walk');
    mkdirSync(join(dir, '2022', 'summer'), { recursive: true });
    copyFileSync(U518, join(dir, '2022', 'summer', 'update-518.txt'));
    copyFileSync(U330, join(dir, 'update-330.TXT'));
    writeFileSync(join(dir, 'update-519.pdf'), '%PDF-1.7 not text');
    writeFileSync(join(dir, '2022', 'update-520.docx'), 'PK not text');
    writeFileSync(join(dir, '2022', 'notes.md'), '# notes');
    execFileSync('mkfifo', [join(dir, '2022', 'pipe.txt')]);
    const summary = await ingestFiles(opened.db, resolver, [dir]);
    expect(summary.counts).toMatchObject({ loaded: 2, skipped: 4, failed: 0 });
    const skipped = Object.fromEntries(
      summary.files.filter((f) => f.status === 'skipped').map((f) => [f.file.slice(dir.length + 1), f.note]),
    );
    expect(skipped).toEqual({
      '2022/notes.md': 'not a .txt, .html, .htm or .eml file',
      '2022/pipe.txt': 'a FIFO: only regular files are read',
      '2022/update-520.docx': 'word-processor document: save it as plain text (.txt) and ingest that',
      'update-519.pdf': 'PDF: save the page as text (.txt) and ingest that',
    });
  });

  it('a FIFO named on the command line is skipped too, not read', async () => {
    const fifo = join(tempDir('fifo'), 'update.txt');
    execFileSync('mkfifo', [fifo]);
    const summary = await ingestFiles(opened.db, resolver, [fifo, U518]);
    expect(summary.counts).toMatchObject({ loaded: 1, skipped: 1 });
  });
});

describe('dry run against what is loaded', () => {
  it('reports new, replaced, unchanged and refused, and writes nothing', async () => {
    await ingestFiles(opened.db, resolver, [U330, U451, U518]);
    const before = await graphSnapshot();
    const dir = tempDir('dry');
    writeFileSync(join(dir, 'update-518-corrected.txt'), corrected518());
    writeFileSync(join(dir, 'update-451-cut.txt'), cutAt(U451, 0.4));
    const summary = await ingestFiles(
      opened.db,
      resolver,
      [
        U330,
        seed('update-412-2020-07-17.txt'),
        join(dir, 'update-518-corrected.txt'),
        join(dir, 'update-451-cut.txt'),
      ],
      { dryRun: true },
    );
    expect(summary.files.map((f) => [f.issueNumber, f.status])).toEqual([
      [330, 'unchanged'],
      [412, 'new'],
      [518, 'replaced'],
      [451, 'refused'],
    ]);
    expect(summary.derived).toBeNull();
    expect(await graphSnapshot()).toEqual(before);
  });
});

/** The first `fraction` of an Update's lines: a copy saved before the page had finished loading. */
function cutAt(file: string, fraction: number): string {
  const text = readFileSync(file, 'utf8');
  return text.slice(0, Math.round(text.length * fraction));
}

describe('replacement policy', () => {
  it('a truncated copy never replaces the complete Update; --force does, and says so', async () => {
    await ingestFiles(opened.db, resolver, [U451]);
    const before = await graphSnapshot();
    const cut = join(tempDir('cut'), 'update-451-cut.txt');
    writeFileSync(cut, cutAt(U451, 0.4));
    const refused = await ingestFiles(opened.db, resolver, [cut]);
    expect(refused.counts).toMatchObject({ refused: 1, replaced: 0 });
    expect(refused.files[0]!.note).toBe(
      'Update 451 from update-451-cut.txt against the loaded update-451-2021-04-30.txt: items 7 → 4 — ' +
        'a less complete version never replaces a more complete one; check the file, or use --force to replace it',
    );
    expect(await graphSnapshot()).toEqual(before);

    const forced = await ingestFiles(opened.db, resolver, [cut], { force: true });
    expect(forced.counts).toMatchObject({ replaced: 1 });
    expect(forced.files[0]!.note).toMatch(/^forced \(--force\): Update 451 .*items 7 → 4/);
    expect(await query(`MATCH (i:Item {issueNumber: 451}) RETURN count(i) AS n`)).toEqual([{ n: 4 }]);
  });

  it('another date for a known number is a conflict, refused with both dates', async () => {
    await ingestFiles(opened.db, resolver, [U330]);
    const before = await graphSnapshot();
    const redated = join(tempDir('redated'), 'update-330-again.txt');
    writeFileSync(
      redated,
      readFileSync(U330, 'utf8').replaceAll(
        'UPDATE NO 330 30 November 2018',
        'UPDATE NO 330 7 December 2018',
      ),
    );
    const refused = await ingestFiles(opened.db, resolver, [redated]);
    expect(refused.counts).toMatchObject({ refused: 1 });
    expect(refused.files[0]!.note).toMatch(
      /dates 2018-11-30 → 2018-12-07 — a different date for a known number is a conflict; check the file, or use --force/,
    );
    expect(await graphSnapshot()).toEqual(before);
    const forced = await ingestFiles(opened.db, resolver, [redated], { force: true });
    expect(forced.counts).toMatchObject({ replaced: 1 });
    expect(await query(`MATCH (i:Issue {number: 330}) RETURN i.date AS date`)).toEqual([
      { date: '2018-12-07' },
    ]);
  });
});

describe('when Neo4j is gone', () => {
  it('stops at the first file and names every file that was not loaded', async () => {
    const dir = tempDir('down');
    const files = Array.from({ length: 20 }, (_, i) => join(dir, `update-${i}.txt`));
    for (const file of files) copyFileSync(U518, file);
    const db = unreachableDatabase();
    try {
      const summary = await ingestFiles(db, resolver, [dir]);
      expect(summary.stopped).toMatchObject({ code: 'UNAVAILABLE' });
      expect(summary.counts).toMatchObject({ failed: 20, loaded: 0 });
      expect(summary.files.map((f) => f.file)).toEqual(files.sort());
      expect(summary.files[0]!.error).toMatch(
        /update-0\.txt: Neo4j is unreachable .*\[DATABASE_UNAVAILABLE\]/,
      );
      // Only the first file met the database; the others were not tried at all.
      expect(summary.files.slice(1).every((f) => /not tried \(ingest stopped\)$/.test(f.error!))).toBe(true);
      expect(summary.derived).toBeNull();
    } finally {
      await db.close();
    }
  });
});

describe('errors inside extract', () => {
  it('become a coded failure naming the file and the lines the parser warned about', async () => {
    // A 515 with the title line of its first item deleted: the parser warns at line 22 ("Programme:" without a
    // title). Whatever extract then does, an internal failure must come out as EXTRACT_FAILED naming that line.
    const file = join(tempDir('extract'), 'update-515-no-title.txt');
    const lines = readFileSync(seed('update-515-2022-07-22.txt'), 'utf8').split('\n');
    writeFileSync(file, [...lines.slice(0, 20), ...lines.slice(21)].join('\n'));
    const broken: Resolver = {
      ...resolver,
      findMentions: () => {
        throw new Error('simulated internal check');
      },
    };
    const summary = await ingestFiles(opened.db, broken, [file]);
    expect(summary.counts).toMatchObject({ failed: 1 });
    expect(summary.files[0]!.error).toMatch(
      new RegExp(
        `^${file}: cannot be extracted: .*; look at ${file}:22: "Programme:" without a title.*\\[EXTRACT_FAILED\\]$`,
      ),
    );
  });
});
