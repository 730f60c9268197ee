import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/api/examples.js';
import type { OpenDatabase } from '../../src/db/open.js';
import { ingestFiles } from '../../src/load/ingest.js';
import { loadResolver } from '../../src/load/reference.js';
import type { Logger, LogFields } from '../../src/log.js';
import { createApp } from '../../src/server/app.js';
import { warmQueryPlans } from '../../src/server/warm-up.js';
import { openEmptyTestDatabase, testConfig, unreachableDatabase } from '../support/graph.js';

/** A logger that keeps what it is told, level by level. */
function keptLog(): Logger & { lines: { level: string; message: string; fields?: LogFields | Error }[] } {
  const lines: { level: string; message: string; fields?: LogFields | Error }[] = [];
  const at =
    (level: string) =>
    (message: string, fields?: LogFields | Error): void => {
      lines.push({ level, message, fields });
    };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

let opened: OpenDatabase;
beforeAll(async () => {
  opened = await openEmptyTestDatabase();
  // As `serve` does: the seeds load before the plans are warmed (the questions name seeded entities).
  await ingestFiles(opened.db, await loadResolver(), ['seed']);
});
afterAll(async () => {
  await opened?.close();
});

describe('warming the query plans before the server takes requests', () => {
  it('runs every headline question once, through the app, one after another', async () => {
    const log = keptLog();
    const app = createApp({ config: testConfig(), db: opened.db, resolver: await loadResolver(), log });
    const sent: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const counting = {
      fetch: async (...args: Parameters<typeof app.fetch>) => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        const body = JSON.parse(String((args[1] as RequestInit).body)) as { query: string };
        sent.push(body.query);
        try {
          return await app.fetch(...args);
        } finally {
          running -= 1;
        }
      },
    } as unknown as typeof app;
    await warmQueryPlans(counting, log);
    expect(sent).toEqual(EXAMPLES.map((example) => example.query));
    expect(mostAtOnce).toBe(1);
    const warmed = log.lines.find((line) => line.message === 'query plans warmed');
    expect(warmed?.fields).toMatchObject({ queries: EXAMPLES.length, failed: 0 });
    expect(log.lines.filter((line) => line.level === 'warn')).toEqual([]);
  });

  it('logs each question that fails and still returns, so the server starts', async () => {
    const log = keptLog();
    const db = unreachableDatabase();
    try {
      const app = createApp({ config: testConfig(), db, resolver: await loadResolver(), log });
      await warmQueryPlans(app, log);
    } finally {
      await db.close();
    }
    const failures = log.lines.filter((line) => line.message === 'warm-up query failed');
    expect(failures.map((line) => (line.fields as LogFields).example)).toEqual(
      EXAMPLES.map((example) => example.title),
    );
    expect(log.lines.find((line) => line.message === 'query plans warmed')?.fields).toMatchObject({
      failed: EXAMPLES.length,
    });
  });
});
