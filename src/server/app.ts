import { createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import { schema } from '../api/schema.js';
import type { Context } from '../api/context.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';

export interface AppDeps {
  config: Config;
  db: Database;
  log: Logger;
}

export type App = YogaServerInstance<Record<string, unknown>, Context>;

/**
 * The GraphQL app, independent of any listener: the server mounts it on node:http, tests call
 * `app.fetch` directly. `/health` is liveness (the process answers); `/ready` is readiness (Neo4j answers).
 */
export function createApp({ config, db, log }: AppDeps): App {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: { title: 'seslip-kg' },
    logging: log,
    maskedErrors: config.NODE_ENV === 'production',
    context: ({ params }) => ({ db: db.forRequest(params.operationName ?? undefined), config, log }),
    plugins: [
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          await db.verifyConnectivity();
        },
      }),
    ],
  });
}
