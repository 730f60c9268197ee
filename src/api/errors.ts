import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError } from 'graphql-yoga';
import { DatabaseError, type DatabaseErrorCode } from '../db/database.js';

/**
 * The errors the API raises on purpose, each with an `extensions.code` a client can branch on, and the
 * argument or field it concerns.
 */

export const badInput = (message: string, field?: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });

export const forbidden = (message: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });

/** The GraphQL code each kind of database failure reaches a client as. */
const DATABASE_CODES: Record<DatabaseErrorCode, string> = {
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  AUTH: 'SERVICE_UNAVAILABLE',
  TRANSIENT: 'SERVICE_UNAVAILABLE',
  TIMEOUT: 'QUERY_TIMEOUT',
  CONSTRAINT: 'INTERNAL_SERVER_ERROR',
  QUERY: 'INTERNAL_SERVER_ERROR',
  UNKNOWN: 'INTERNAL_SERVER_ERROR',
};

const CLIENT_MESSAGES: Partial<Record<DatabaseErrorCode, string>> = {
  UNAVAILABLE: 'the graph database is unavailable; try again shortly',
  AUTH: 'the graph database refused the server’s credentials',
  TRANSIENT: 'the graph database was busy; try again',
  TIMEOUT: 'the query ran too long and was stopped; ask for smaller pages or a narrower filter',
};

const recode = (error: GraphQLError, message: string, code: string): GraphQLError =>
  new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code },
  });

/**
 * Yoga's error mask, so that every error carries an `extensions.code`: database failures become
 * SERVICE_UNAVAILABLE or QUERY_TIMEOUT (with a message a client can act on), an id that is not this API's
 * becomes BAD_USER_INPUT, and anything else unexpected is INTERNAL_SERVER_ERROR — its message kept outside
 * production, masked in production.
 */
export function maskError(production: boolean) {
  return (error: unknown, message: string, isDev?: boolean): Error => {
    const graphQLError = error instanceof GraphQLError ? error : new GraphQLError(String(error));
    const original = graphQLError.originalError;
    if (original instanceof DatabaseError) {
      const code = DATABASE_CODES[original.code];
      const text = CLIENT_MESSAGES[original.code] ?? (production ? message : original.message);
      return recode(graphQLError, text, code);
    }
    if (original instanceof PothosValidationError)
      return recode(graphQLError, original.message, 'BAD_USER_INPUT');
    if (production) return yogaMaskError(error, message, isDev);
    if (original === undefined || original instanceof GraphQLError)
      return graphQLError.extensions.code === undefined
        ? recode(graphQLError, graphQLError.message, 'GRAPHQL_VALIDATION_FAILED')
        : graphQLError;
    return recode(graphQLError, graphQLError.message, 'INTERNAL_SERVER_ERROR');
  };
}
