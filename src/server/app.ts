import { useGraphQlJit } from '@envelop/graphql-jit';
import { GraphQLError, getOperationAST, getVariableValues } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../api/context.js';
import { createYogaApp, type App, type AppDeps } from './yoga-app.js';

export { QUERY_LIMITS, type App, type AppDeps } from './yoga-app.js';

/**
 * The server's GraphQL app (and the one tests call): graphql-jit compiles each document once into plain
 * functions (cached per parsed document), so a big answer completes in less time and garbage than through the
 * interpreting executor (the 235 KiB network contacts answer: 40 against 46 ms p50 in Node at 5,000 Updates,
 * bench/run.ts). Kept out of yoga-app.ts so that the CLI's `query` does not load the compiler.
 */
export function createApp(deps: AppDeps): App {
  return createYogaApp(deps, [useVariableCoercion(), useGraphQlJit()]);
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
