import { z } from 'zod';

/**
 * Every setting of the app, read from the environment once at start. All problems are
 * reported together so that an operator fixes a bad `.env` in one go.
 */

const port = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(0, 'must be 0-65535')
  .max(65535, 'must be 0-65535');
const positiveMb = z.coerce
  .number({ error: 'must be a whole number of MiB' })
  .int('must be a whole number of MiB')
  .min(16, 'must be at least 16');
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const neo4jUri = z
  .string()
  .regex(
    /^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+(:\d+)?\/?$/,
    'must be a bolt:// or neo4j:// URI such as bolt://localhost:7687',
  );

const apiKeys = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== ''),
  )
  .pipe(z.array(z.string().min(16, 'each key must be at least 16 characters')));

/** `name:key` pairs: who may record decisions (the name is recorded as `by`), each key 16+ characters. */
const curatorKeys = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((pair) => pair.trim())
      .filter((pair) => pair !== ''),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(/^[^:\s]+:\S{16,}$/, 'each entry must be name:key, the key at least 16 characters')
        .transform((pair) => {
          const at = pair.indexOf(':');
          return { name: pair.slice(0, at), key: pair.slice(at + 1) };
        }),
    ),
  );

export const configSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], { error: 'must be development, test or production' })
    .default('development'),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error'], { error: 'must be debug, info, warn or error' })
    .default('info'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  /** When unset, an embedded Neo4j is started; when set, the app connects there instead. */
  NEO4J_URI: neo4jUri.optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{2,62}$/, 'must be a Neo4j database name')
    .default('neo4j'),
  NEO4J_EMBEDDED_DIR: z.string().min(1).default('.data/neo4j'),
  NEO4J_EMBEDDED_PORT: port.default(7687),
  NEO4J_EMBEDDED_HEAP_MB: positiveMb.default(512),
  NEO4J_EMBEDDED_PAGE_CACHE_MB: positiveMb.default(128),
  NEO4J_EMBEDDED_TX_MEMORY_MB: positiveMb.default(256),
  /** Transaction log kept on disk after a checkpoint (checkpoints come every 100 transactions or minute). */
  NEO4J_EMBEDDED_TX_LOG_MB: positiveMb.default(64),
  /** Seconds to wait for the embedded Neo4j's readiness line (the first run also waits for Maven). */
  NEO4J_EMBEDDED_START_TIMEOUT: z.coerce
    .number({ error: 'must be a number of seconds' })
    .int('must be a whole number of seconds')
    .min(5, 'must be 5-3600 seconds')
    .max(3600, 'must be 5-3600 seconds')
    .default(180),
  SEED_DIR: z.string().min(1).default('seed'),
  /** Load SEED_DIR into an empty database at start. */
  LOAD_SEED: flag.default(true),
  /** Comma-separated bearer keys that may read contact details (email, phone). */
  API_KEYS: apiKeys.default([]),
  /** Comma-separated `name:key` pairs of the curators who may record decisions (mutations). */
  CURATOR_KEYS: curatorKeys.default([]),
  // HTTP exposure. GRAPHIQL and INTROSPECTION left unset mean "on, except when NODE_ENV=production"
  // (src/server/exposure.ts decides), so that a production deployment opts in to them explicitly.
  /** Comma-separated origins (scheme://host[:port], or *) whose pages may call the API; none by default. */
  CORS_ORIGINS: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((origin) => origin.trim().toLowerCase().replace(/\/$/, ''))
        .filter((origin) => origin !== ''),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^(\*|https?:\/\/([^\s/:[\]]+|\[[0-9a-f:.]+\])(:\d+)?)$/,
            'each origin must be scheme://host[:port] (https://analyst.example.org) or *',
          ),
      ),
    )
    .default([]),
  /** GraphiQL at /graphql for browsers. */
  GRAPHIQL: flag.optional(),
  /** Schema introspection (__schema, __type); GraphiQL's docs and completion need it. */
  INTROSPECTION: flag.optional(),
});

export type Config = z.infer<typeof configSchema>;

/** Settings whose values are secrets: never repeated in an error message. */
const SECRET_SETTINGS = new Set(['CURATOR_KEYS', 'NEO4J_PASSWORD']);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the settings from `env`; empty strings count as unset, as in most `.env` tooling. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(
    Object.keys(configSchema.shape)
      .map((name) => [name, env[name]] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = configSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        // A list setting's issue points into the parsed list; the operator knows the variable's name.
        const name = String(issue.path[0]);
        // Keys are never echoed: a config error may end up in a log.
        const got = SECRET_SETTINGS.has(name)
          ? 'value not shown'
          : `got ${JSON.stringify(present[name] ?? null)}`;
        return `${name}: ${issue.message} (${got})`;
      }),
    );
  }
  return result.data;
}
