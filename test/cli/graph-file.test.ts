import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { ExitCode } from '../../src/commands/exit-code.js';
import type { OpenDatabase } from '../../src/db/open.js';
import { loadResolver } from '../../src/load/reference.js';
import { ingestFiles } from '../../src/load/ingest.js';
import { graphSnapshot, openEmptyTestDatabase, query } from '../support/graph.js';
import { captureCommands } from '../support/commands.js';

/** `seslip-kg export` / `import`: the whole graph as a portable file, and back, property by property. */

let opened: OpenDatabase;
const output = captureCommands();
const dir = mkdtempSync(join(tmpdir(), 'seslip-graph-file-'));

beforeAll(async () => {
  opened = await openEmptyTestDatabase();
});
beforeEach(async () => {
  await opened.db.write('test-clear-graph');
  await ingestFiles(opened.db, await loadResolver(), ['seed', 'test/fixtures/load']);
});
afterAll(async () => {
  await opened?.close();
});

describe('export and import', () => {
  it.each(['graph.jsonl', 'graph.jsonl.gz'])(
    'a round trip through %s gives an identical graph',
    async (name) => {
      const before = await graphSnapshot();
      const file = join(dir, name);
      expect(await main(['export', file])).toBe(0);
      const [{ nodes, edges }] = (await query(
        `CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS edges } RETURN nodes, edges`,
      )) as [{ nodes: number; edges: number }];
      expect(output.stdout).toMatch(new RegExp(`^exported ${nodes} nodes and ${edges} relationships`));

      // Into a graph that holds something: refused, nothing touched.
      expect(await main(['import', file])).toBe(ExitCode.failed);
      expect(output.stderr).toMatch(/the graph is not empty .* pass --replace/);
      expect(await graphSnapshot()).toEqual(before);

      await opened.db.write('test-clear-graph');
      expect(await main(['import', file, '--json'])).toBe(0);
      expect(JSON.parse(output.stdout.slice(output.stdout.indexOf('{')))).toMatchObject({
        nodes,
        relationships: edges,
      });
      expect(await graphSnapshot()).toEqual(before);
      // The imported graph is a loaded graph: the same Updates are recognised as unchanged.
      const again = await ingestFiles(opened.db, await loadResolver(), ['seed']);
      expect(again.counts).toMatchObject({ unchanged: 5, loaded: 0, replaced: 0 });
    },
  );

  it('--replace empties the current graph first', async () => {
    const file = join(dir, 'replace.jsonl');
    expect(await main(['export', file])).toBe(0);
    const before = await graphSnapshot();
    await opened.db.write('test-clear-graph');
    await ingestFiles(opened.db, await loadResolver(), ['test/fixtures/load']);
    expect(await main(['import', file, '--replace'])).toBe(0);
    expect(await graphSnapshot()).toEqual(before);
  });

  it('a damaged or cut file is refused naming file and line, and a wrong file before connecting', async () => {
    const file = join(dir, 'good.jsonl');
    expect(await main(['export', file])).toBe(0);
    const lines = readFileSync(file, 'utf8').split('\n');
    const damaged = join(dir, 'damaged.jsonl');
    writeFileSync(
      damaged,
      [...lines.slice(0, 3), '{"labels": [], "props": {}}', ...lines.slice(4)].join('\n'),
    );
    await opened.db.write('test-clear-graph');
    expect(await main(['import', damaged])).toBe(ExitCode.failed);
    expect(output.stderr).toMatch(new RegExp(`^seslip-kg: ${damaged}:4: not a node line: labels: .*`, 'm'));

    const cut = join(dir, 'cut.jsonl');
    writeFileSync(cut, lines.slice(0, 10).join('\n'));
    await opened.db.write('test-clear-graph');
    expect(await main(['import', cut])).toBe(ExitCode.failed);
    expect(output.stderr).toMatch(
      /cut\.jsonl holds 9 nodes and \d+ relationships, its header promised \d+ .*incomplete/,
    );

    const notExport = join(dir, 'notes.jsonl');
    writeFileSync(notExport, '{"hello": "world"}\n');
    vi.stubEnv('NEO4J_URI', 'bolt://127.0.0.1:1');
    try {
      expect(await main(['import', notExport])).toBe(ExitCode.failed);
      expect(output.stderr).toMatch(new RegExp(`${notExport}:1: not a seslip-kg-graph header`));
    } finally {
      vi.stubEnv('NEO4J_URI', inject('neo4jUri'));
    }
  });
});
