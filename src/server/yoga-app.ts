import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import {
  createYoga,
  useReadinessCheck,
  type Plugin,
  type YogaServerInstance,
  type YogaServerOptions,
} from 'graphql-yoga';
import { createContext, type Context } from '../api/context.js';
import type { NameResolver } from '../api/names.js';
import { maskError } from '../api/errors.js';
import { graphiqlTabs } from '../api/examples.js';
import { schema } from '../api/schema.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
import { corsPolicy, exposureOf, useSecurityHeaders } from './exposure.js';
import { renderGraphiQL, useWorkbenchPages } from './pages.js';

export interface AppDeps {
  config: Config;
  db: Database;
  resolver: NameResolver;
  log: Logger;
}

export type App = YogaServerInstance<Record<string, unknown>, Context>;

/** A Yoga or envelop plugin, as createYoga takes them (graphql-jit's is an envelop one). */
export type AppPlugin = NonNullable<YogaServerOptions<Record<string, unknown>, Context>['plugins']>[number];

/**
 * Bounds on what one request may ask, so that a hostile or runaway query is refused with a clear error
 * before it reaches Neo4j. The example queries reach depth 11; page sizes are capped in pagination.ts.
 */
export const QUERY_LIMITS = { maxDepth: 16, maxAliases: 20, maxTokens: 4000 } as const;

/**
 * The GraphQL app, independent of any listener: the server mounts it on node:http, tests and the CLI's `query`
 * call `app.fetch` directly. `/health` is liveness (the process answers); `/ready` is readiness (Neo4j answers).
 * `/` leads to the workbench pages: GraphiQL at `/graphql` (for browsers) and the explorer at `/explore`.
 * `execution` are the plugins that run last and decide how a document is executed: graphql-jit for the server
 * (createApp in app.ts); none, so graphql-js's own executor, for one query from the CLI, which would spend
 * longer loading the compiler than compiling saves it.
 */
export function createYogaApp({ config, db, resolver, log }: AppDeps, execution: AppPlugin[]): App {
  const exposure = exposureOf(config);
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: exposure.graphiql && {
      title: 'seslip-kg GraphiQL',
      defaultEditorToolsVisibility: false,
      ...graphiqlTabs(),
    },
    renderGraphiQL,
    cors: corsPolicy(config),
    logging: log,
    maskedErrors: { maskError: maskError(config.NODE_ENV === 'production') },
    context: ({ params, request }) =>
      createContext({
        db,
        resolver,
        config,
        log,
        operation: params.operationName ?? undefined,
        authorization: request.headers.get('authorization'),
      }),
    plugins: [
      useSecurityHeaders(),
      useWorkbenchPages(exposure),
      ...(exposure.introspection ? [] : [useDisableIntrospection()]),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          await db.verifyConnectivity();
        },
      }),
      maxDepthPlugin({ n: QUERY_LIMITS.maxDepth, exposeLimits: true, flattenFragments: true }),
      maxAliasesPlugin({ n: QUERY_LIMITS.maxAliases, exposeLimits: true }),
      maxTokensPlugin({ n: QUERY_LIMITS.maxTokens, exposeLimits: true }),
      useCypherQueryCount(config, log),
      ...execution,
    ],
  });
}

/**
 * Logs how many Cypher queries each GraphQL request ran and, outside production, returns the number as
 * `extensions.cypherQueries`: the figure that shows the DataLoaders batching (it grows with depth, not size).
 */
function useCypherQueryCount(config: Config, log: Logger): Plugin<Context> {
  return {
    onExecute: ({ args }) => ({
      onExecuteDone: ({ result, setResult }) => {
        const context = args.contextValue as Context;
        const cypherQueries = context.db.queryCount;
        log.debug('graphql request', { operation: args.operationName ?? null, cypherQueries });
        if (config.NODE_ENV === 'production' || !('data' in result)) return;
        setResult({ ...result, extensions: { ...result.extensions, cypherQueries } });
      },
    }),
  };
}
