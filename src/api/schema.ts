import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.js';
import './types/health.js';

export const schema = builder.toSchema();

/** The SDL checked in as schema/schema.graphql (sorted, so that it diffs cleanly). */
export function printedSchema(): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
