import { performance } from 'node:perf_hooks';
import { EXAMPLES } from '../api/examples.js';
import type { Logger } from '../log.js';
import type { App } from './yoga-app.js';

/**
 * Runs the headline questions once, one after another, before the server takes requests, so that Neo4j has
 * planned their query texts. Neo4j plans a text on its first run (0.1–0.6 s each on a quiet machine), and the
 * planning counts against the read timeout. A server that starts cold plans them all at once under its first
 * readers: with 10 readers during an ingest on a busy 2-core machine, the first requests took 7–12 s and two
 * passed the 10 s timeout. A warm-up request that fails is logged and the server starts anyway: its readers
 * would only meet the same failure.
 */
export async function warmQueryPlans(app: App, log: Logger): Promise<void> {
  const started = performance.now();
  let failed = 0;
  for (const example of EXAMPLES) {
    const response = await app.fetch('http://warm-up/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: example.query }),
    });
    const body = (await response.json()) as { errors?: { message: string }[] };
    if (body.errors !== undefined) {
      failed += 1;
      log.warn('warm-up query failed', { example: example.title, error: body.errors[0]?.message });
    }
  }
  log.info('query plans warmed', {
    queries: EXAMPLES.length,
    failed,
    seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
  });
}
