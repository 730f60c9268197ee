import { resolve } from 'node:path';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { loadResolver, type Resolver } from '../extract/resolve.js';
import { ingestFiles } from '../load/ingest.js';
import type { Logger } from '../log.js';
import { createApp } from '../server/app.js';
import { listen } from '../server/http.js';
import { withConfig, withDatabase } from './common.js';

/** `seslip-kg serve` (what `npm start` runs): database, seed, GraphQL server, graceful shutdown. */
export async function run(_args: string[]): Promise<number> {
  return withConfig((config, log) =>
    withDatabase(config, log, async (database) => {
      const resolver = await loadResolver();
      if (config.LOAD_SEED) await loadSeedIntoEmptyGraph(database.db, resolver, config, log);
      const server = await listen(
        createApp({ config, db: database.db, resolver, log }),
        config.HOST,
        config.PORT,
      );
      log.info('server ready', { graphiql: `${server.url}/graphql`, neo4j: database.uri });
      process.stdout.write(`\nGraphiQL: ${server.url}/graphql\n\n`);
      const signal = await new Promise<string>((done) => {
        process.once('SIGINT', () => done('SIGINT'));
        process.once('SIGTERM', () => done('SIGTERM'));
      });
      log.info('shutting down', { signal });
      await server.close();
      return 0;
    }),
  );
}

async function loadSeedIntoEmptyGraph(
  db: Database,
  resolver: Resolver,
  config: Config,
  log: Logger,
): Promise<void> {
  const [row] = await db.read('issue-count');
  if (Number(row?.issues ?? 0) > 0) {
    log.info('graph already holds Updates; seed not reloaded', { issues: row?.issues });
    return;
  }
  const seedDir = resolve(config.SEED_DIR);
  log.info('loading seed Updates into the empty graph', { seedDir });
  const summary = await ingestFiles(db, resolver, [seedDir], {
    onFile: (outcome, done, total) =>
      log.info(`seed ${done}/${total}`, { file: outcome.file, status: outcome.status, error: outcome.error }),
  });
  log.info('seed loaded', { ...summary.counts, seconds: Number(summary.seconds.toFixed(2)) });
}
