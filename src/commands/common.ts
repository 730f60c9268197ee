import { loadConfig, type Config } from '../config.js';
import { openDatabase, type OpenDatabase } from '../db/open.js';
import { createLogger, type Logger } from '../log.js';

/** Loads the configuration (an invalid one throws ConfigError, which the CLI prints) and runs `work` with it. */
export async function withConfig(work: (config: Config, log: Logger) => Promise<number>): Promise<number> {
  const config = loadConfig();
  return work(config, createLogger(config.LOG_LEVEL));
}

/** Opens the database for a command (starting the embedded one if needed) and always closes it. */
export async function withDatabase(
  config: Config,
  log: Logger,
  work: (database: OpenDatabase) => Promise<number>,
  options: { supervise?: boolean } = {},
): Promise<number> {
  const database = await openDatabase(config, log, options);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
