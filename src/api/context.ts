import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';

/** What every resolver sees: the request's own database view (it counts the Cypher the request runs). */
export interface Context {
  db: Database;
  config: Config;
  log: Logger;
}
