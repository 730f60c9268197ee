import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import type { OpenDatabase } from '../../src/db/open.js';
import { openEmptyTestDatabase, query } from '../support/graph.js';

/** `seslip-kg ingest` as an operator runs it: exit status, summary, JSON, progress lines, usage errors. */

/** The command as the CLI runs it: commander parses the arguments, the top-level handler prints errors. */
const run = (args: string[]): Promise<number> => main(['ingest', ...args]);

let opened: OpenDatabase;
const output = { stdout: '', stderr: '' };

beforeAll(async () => {
  opened = await openEmptyTestDatabase();
  // The command reads its configuration from the environment like the app: point it at the test Neo4j.
  vi.stubEnv('NEO4J_URI', inject('neo4jUri'));
  vi.stubEnv('LOG_LEVEL', 'error');
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    output.stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    output.stderr += String(chunk);
    return true;
  });
});
afterEach(() => {
  output.stdout = '';
  output.stderr = '';
});
afterAll(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
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

  it('rejects unknown options and a call without files with a usage line (exit 2)', async () => {
    expect(await run(['--fast', 'seed'])).toBe(2);
    expect(output.stderr).toMatch(/unknown option '--fast'/);
    expect(await run([])).toBe(2);
    expect(output.stderr).toMatch(/missing required argument 'paths'/);
  });
});
