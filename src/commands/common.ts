import { ConfigError, loadConfig, type Config } from '../config.js';
import { openDatabase, type OpenDatabase } from '../db/open.js';
import { createLogger, type Logger } from '../log.js';

/** Splits `args` into positional arguments and the `--flags` a command accepts; anything else is a usage error. */
export function parseFlags<F extends string>(
  args: string[],
  accepted: readonly F[],
): { positional: string[]; flags: Set<F> } | { error: string } {
  const positional: string[] = [];
  const flags = new Set<F>();
  for (const arg of args) {
    if (!arg.startsWith('--')) positional.push(arg);
    else if ((accepted as readonly string[]).includes(arg.slice(2))) flags.add(arg.slice(2) as F);
    else return { error: `unknown option ${arg} (accepted: ${accepted.map((f) => `--${f}`).join(', ')})` };
  }
  return { positional, flags };
}

/** Loads the configuration and runs `work` with it; an invalid configuration is printed and exits 2. */
export async function withConfig(work: (config: Config, log: Logger) => Promise<number>): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(error.message + '\n');
    return 2;
  }
  return work(config, createLogger(config.LOG_LEVEL));
}

/** Opens the database for a command (starting the embedded one if needed) and always closes it. */
export async function withDatabase(
  config: Config,
  log: Logger,
  work: (database: OpenDatabase) => Promise<number>,
): Promise<number> {
  const database = await openDatabase(config, log);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
