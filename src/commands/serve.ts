import { z } from 'zod';
import type { Config } from '../config.js';
import { projectPath } from '../project.js';
import type { Database } from '../db/database.js';
import type { Resolver } from '../extract/resolve.js';
import { loadResolver } from '../load/reference.js';
import { ingestFiles } from '../load/ingest.js';
import type { Logger } from '../log.js';
import { isPortFree } from '../ports.js';
import { createApp } from '../server/app.js';
import { listen } from '../server/http.js';
import { warmQueryPlans } from '../server/warm-up.js';
import { withConfig, withDatabase } from './common.js';
import { CliError } from './errors.js';
import { ExitCode } from './exit-code.js';

/** `seslip-kg serve` (what `npm start` runs): database, seed, GraphQL server, graceful shutdown. */
export async function run(): Promise<number> {
  return withConfig(async (config, log) => {
    // Before Neo4j starts and the seed loads: a taken port is reported in a second, not after them.
    await checkHttpPortFree(config);
    return withDatabase(
      config,
      log,
      async (database) => {
        const resolver = await loadResolver();
        if (config.LOAD_SEED) await loadSeedIntoEmptyGraph(database.db, resolver, config, log);
        const app = createApp({ config, db: database.db, resolver, log });
        await warmQueryPlans(app, log);
        const server = await listen(app, config.HOST, config.PORT);
        log.info('server ready', { graphiql: `${server.url}/graphql`, neo4j: database.uri });
        process.stdout.write(`\nGraphiQL: ${server.url}/graphql\n\n`);
        // The handlers stay for the whole shutdown: Ctrl-C under `npm start` brings SIGINT twice (the terminal's,
        // and the one npm passes on), and a second signal must not cut the clean stop of Neo4j short.
        const signal = await new Promise<string>((done) => {
          for (const name of ['SIGINT', 'SIGTERM'] as const) process.on(name, () => done(name));
        });
        log.info('shutting down', { signal });
        await server.close();
        return 0;
      },
      { supervise: true },
    );
  });
}

async function checkHttpPortFree(config: Config): Promise<void> {
  if (config.PORT === 0 || (await isPortFree(config.HOST, config.PORT))) return;
  throw new CliError(
    ExitCode.portInUse,
    `the HTTP port ${config.PORT} on ${config.HOST} is in use (another seslip-kg serve, or another program)`,
    `stop that program, or set PORT to a free port (PORT=0 picks one)`,
  );
}

async function loadSeedIntoEmptyGraph(
  db: Database,
  resolver: Resolver,
  config: Config,
  log: Logger,
): Promise<void> {
  const [row] = await db.query('issue-count', z.object({ issues: z.number() }));
  if ((row?.issues ?? 0) > 0) {
    log.info('graph already holds Updates; seed not reloaded', { issues: row?.issues });
    return;
  }
  const seedDir = projectPath(config.SEED_DIR);
  log.info('loading seed Updates into the empty graph', { seedDir });
  const summary = await ingestFiles(db, resolver, [seedDir], {
    onFile: (outcome, done, total) =>
      log.info(`seed ${done}/${total}`, { file: outcome.file, status: outcome.status, error: outcome.error }),
  });
  log.info('seed loaded', { ...summary.counts, seconds: Number(summary.seconds.toFixed(2)) });
}
