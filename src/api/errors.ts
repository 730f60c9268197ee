import { GraphQLError } from 'graphql';

/**
 * The errors the API raises on purpose, each with an `extensions.code` a client can branch on, and the
 * argument or field it concerns.
 */

export const badInput = (message: string, field?: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });

export const forbidden = (message: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
