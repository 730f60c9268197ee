import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { GraphQLError, getOperationAST, getVariableValues } from 'graphql';
import { createYoga, useReadinessCheck, type Plugin, type YogaServerInstance } from 'graphql-yoga';
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

/**
 * Bounds on what one request may ask, so that a hostile or runaway query is refused with a clear error
 * before it reaches Neo4j. The example queries reach depth 11; page sizes are capped in pagination.ts.
 */
export const QUERY_LIMITS = { maxDepth: 16, maxAliases: 20, maxTokens: 4000 } as const;

/**
 * The GraphQL app, independent of any listener: the server mounts it on node:http, tests call
 * `app.fetch` directly. `/health` is liveness (the process answers); `/ready` is readiness (Neo4j answers).
 * `/` leads to the workbench pages: GraphiQL at `/graphql` (for browsers) and the explorer at `/explore`.
 */
export function createApp({ config, db, resolver, log }: AppDeps): App {
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
      // graphql-jit compiles each document once into plain functions (cached per parsed document): a big
      // answer completes in less time and garbage than through the interpreting executor (the 235 KiB
      // network contacts answer: 40 against 46 ms p50 in Node at 5,000 Updates, bench/run.ts).
      useVariableCoercion(),
      useGraphQlJit(),
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

/**
 * Checks the variables with graphql-js before graphql-jit runs the query. graphql-jit coerces them too, but
 * its error drops the scalar's reason ("Date must be a real date written YYYY-MM-DD …") and is answered with
 * HTTP 200; graphql-js's names the reason, and a request error is answered with 400, as without the JIT.
 */
function useVariableCoercion(): Plugin<Context> {
  return {
    onExecute: ({ args, setResultAndStopExecution }) => {
      const definitions = getOperationAST(args.document, args.operationName)?.variableDefinitions ?? [];
      if (definitions.length === 0) return;
      const { errors } = getVariableValues(args.schema, definitions, args.variableValues ?? {});
      if (errors === undefined) return;
      // A request error: HTTP 400, as yoga's own executor marks one.
      const requestErrors = errors.map(
        (error) =>
          new GraphQLError(error.message, {
            nodes: error.nodes,
            originalError: error.originalError,
            extensions: { ...error.extensions, http: { status: 400 } },
          }),
      );
      setResultAndStopExecution({ errors: requestErrors });
    },
  };
}
