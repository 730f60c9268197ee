import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
import { curatorOf, type Curator } from './auth.js';
import { Loaders } from './loaders.js';
import type { NameResolver } from './names.js';

/** What every resolver sees, built afresh for each request. */
export interface Context {
  /** The request's own database view: it counts the Cypher queries the request runs. */
  db: Database;
  loaders: Loaders;
  /** Name and alias resolution for lookups such as `network(name: "qa network")`. */
  resolver: NameResolver;
  config: Config;
  log: Logger;
  /** True when the request carried `Authorization: Bearer <key>` with a key listed in API_KEYS. */
  authorised: boolean;
  /** Whether the bearer key is a curator's (CURATOR_KEYS), who may record decisions. */
  curator: Curator;
}

export function createContext(input: {
  db: Database;
  resolver: NameResolver;
  config: Config;
  log: Logger;
  operation: string | undefined;
  authorization: string | null;
}): Context {
  const db = input.db.forRequest(input.operation);
  const bearer = /^Bearer\s+(\S+)$/i.exec(input.authorization ?? '')?.[1];
  return {
    db,
    loaders: new Loaders(db),
    resolver: input.resolver,
    config: input.config,
    log: input.log,
    authorised: bearer !== undefined && input.config.API_KEYS.includes(bearer),
    curator: curatorOf(bearer, input.config),
  };
}
