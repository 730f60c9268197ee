import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { OpenDatabase } from '../../src/db/open.js';
import { openEmptyTestDatabase, query } from '../support/graph.js';
import { captureCommands } from '../support/commands.js';

/** `seslip-kg ingest` as an operator runs it: exit status, summary, JSON, progress lines, usage errors. */

/** The command as the CLI runs it: commander parses the arguments, the top-level handler prints errors. */
const run = (args: string[]): Promise<number> => main(['ingest', ...args]);

let opened: OpenDatabase;
const output = captureCommands();

beforeAll(async () => {
  opened = await openEmptyTestDatabase();
});
afterAll(async () => {
  await opened?.close();
});

describe('seslip-kg ingest', () => {
  it('loads a folder, prints the summary per type, and exits 0', async () => {
    expect(await run(['seed'])).toBe(0);
    expect(output.stdout).toMatch(/loaded 5, replaced 0, unchanged 0, refused 0, failed 0, skipped 0/);
    expect(output.stdout).toMatch(/^\s+Person\s+\d+\s+\d+$/m);
    expect(output.stdout).toMatch(/^\s+LISTED_IN\s+\d+\s+\d+$/m);
    expect(output.stdout).toMatch(/derived: \d+ FEEDS/);
    // Not a terminal here: one plain progress line per file.
    expect(output.stderr.match(/^ingest \d\/5 update-\d+-[\d-]+\.txt: loaded$/gm)).toHaveLength(5);
    expect(await query(`MATCH (i:Issue) RETURN count(i) AS n`)).toEqual([{ n: 5 }]);
  });

  it('reports unchanged Updates as JSON on a second run', async () => {
    expect(await run(['seed', '--json'])).toBe(0);
    const summary = JSON.parse(output.stdout) as { counts: Record<string, number>; files: unknown[] };
    expect(summary.counts).toMatchObject({ unchanged: 5, loaded: 0, failed: 0 });
    expect(summary.files).toHaveLength(5);
  });

  it('exits 1 when a file fails, naming it, and still loads the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seslip-cli-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    expect(await run([join(dir, 'empty.txt'), 'test/fixtures/load/update-900-2023-01-13.txt'])).toBe(1);
    expect(output.stdout).toMatch(/loaded 1, replaced 0, unchanged 0, refused 0, failed 1/);
    expect(output.stdout).toMatch(/FAILED .*empty\.txt/);
    expect(await query(`MATCH (i:Issue {number: 900}) RETURN count(i) AS n`)).toEqual([{ n: 1 }]);
  });

  it('lists every skipped file with the reason, and exits 1 when the paths held no Update at all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seslip-cli-'));
    writeFileSync(join(dir, 'update-519.pdf'), '%PDF-1.7');
    writeFileSync(join(dir, 'update-520.docx'), 'PK');
    expect(await run([dir])).toBe(1);
    expect(output.stdout).toMatch(/skipped 2/);
    expect(output.stdout).toContain(
      `SKIPPED ${join(dir, 'update-519.pdf')}: PDF: save the page as text (.txt) and ingest that`,
    );
    expect(output.stdout).toContain(`SKIPPED ${join(dir, 'update-520.docx')}: word-processor document`);
    expect(output.stderr).toMatch(/no Update file in .* \(every file was skipped\)/);
  });

  it('--dry-run says what would happen against the graph, and writes nothing', async () => {
    const before = await query(`MATCH (n) RETURN count(n) AS n`);
    expect(await run(['--dry-run', 'seed', 'test/fixtures/load'])).toBe(0);
    expect(output.stdout).toMatch(/^dry run, nothing written: 6 file\(s\)/);
    expect(output.stdout).toMatch(/new 0, replaced 0, unchanged 6, refused 0, failed 0, skipped 0/);
    expect(await query(`MATCH (n) RETURN count(n) AS n`)).toEqual(before);
  });

  it('rejects unknown options and a call without files with a usage line (exit 2)', async () => {
    expect(await run(['--fast', 'seed'])).toBe(2);
    expect(output.stderr).toMatch(/unknown option '--fast'/);
    expect(await run([])).toBe(2);
    expect(output.stderr).toMatch(/missing required argument 'paths'/);
  });
});
