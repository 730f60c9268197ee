import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';
import { createLogger } from '../log.js';
import { createApp } from '../server/app.js';
import { listen } from '../server/http.js';

/** `seslip-kg serve` (what `npm start` runs): database, seed, GraphQL server, graceful shutdown. */
export async function run(_args: string[]): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(error.message + '\n');
      return 2;
    }
    throw error;
  }
  const log = createLogger(config.LOG_LEVEL);
  const database = await openDatabase(config, log);
  const server = await listen(createApp({ config, db: database.db, log }), config.HOST, config.PORT);
  log.info('server ready', { graphiql: `${server.url}/graphql`, neo4j: database.uri });
  process.stdout.write(`\nGraphiQL: ${server.url}/graphql\n\n`);

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info('shutting down', { signal });
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await server.close();
  await database.close();
  log.info('stopped');
  return 0;
}
