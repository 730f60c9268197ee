import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/open.js';
import { loadResolver } from '../../src/load/reference.js';
import { ingestFiles } from '../../src/load/ingest.js';
import { createLogger } from '../../src/log.js';

/**
 * Supervision: an embedded Neo4j that dies under `serve` (here: kill -9 of its JVM) is started again on the
 * same port, with a log line for the crash and one for the restart, and the graph it had is still there.
 */

const issueCount = z.object({ issues: z.number() });

async function until(condition: () => boolean, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not reached within ${seconds} s`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

describe('supervised embedded Neo4j', () => {
  it('is restarted after kill -9 on the same URI, logged, with its graph intact', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'seslip-supervised-'));
    const logs: { level: string; msg: string }[] = [];
    const log = createLogger('info', (line) => logs.push(JSON.parse(line) as { level: string; msg: string }));
    const config = loadConfig({
      NEO4J_EMBEDDED_DIR: dataDir,
      NEO4J_EMBEDDED_PORT: '0',
      NEO4J_EMBEDDED_HEAP_MB: '256',
      NEO4J_EMBEDDED_PAGE_CACHE_MB: '16',
      NEO4J_EMBEDDED_START_TIMEOUT: '600',
    });
    const opened = await openDatabase(config, log, { supervise: true });
    try {
      await ingestFiles(opened.db, await loadResolver(), ['seed/update-518-2022-08-12.txt']);
      const first = opened.embedded!.current;
      process.kill(first.pid, 'SIGKILL');
      await until(() => opened.embedded!.state === 'restarting', 60);
      // Meanwhile requests fail at once, saying why, instead of waiting for a connection timeout: the
      // message comes from the supervisor's state, before any connection is tried.
      await expect(opened.db.query('issue-count', issueCount)).rejects.toMatchObject({
        code: 'UNAVAILABLE',
        message: 'Neo4j is unreachable: the embedded Neo4j is being restarted',
      });
      await until(() => opened.embedded!.state === 'running', 600);
      const second = opened.embedded!.current;
      expect(second.pid).not.toBe(first.pid);
      expect(second.uri).toBe(first.uri);
      expect(opened.embedded!.restarts).toBe(1);
      // The same driver, untouched, reaches the restarted Neo4j and finds the Update loaded before the crash.
      expect(await opened.db.query('issue-count', issueCount)).toEqual([{ issues: 1 }]);
      expect(logs.map((line) => `${line.level} ${line.msg}`)).toEqual(
        expect.arrayContaining([
          'error embedded Neo4j exited unexpectedly; restarting it',
          'info embedded Neo4j restarted',
        ]),
      );
    } finally {
      await opened.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 900_000);
});
