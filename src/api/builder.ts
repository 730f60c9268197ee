import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import type { Context } from './context.js';

/**
 * The most a query may cost (see `complexity` below): the example queries cost up to 33,201, a query of
 * three nested pages (20 × 50 × 20) about 66,000. A query at the limit asks for at most this many values;
 * the bench times one just under it.
 */
export const QUERY_COST_LIMIT = 100_000;

/** The one Pothos builder; each type lives in its own module under src/api/types/. */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: { Date: { Input: string; Output: string } };
}>({
  plugins: [ComplexityPlugin, RelayPlugin],
  defaultFieldNullability: false,
  // The cost of a query is counted before anything runs: each field costs 1, and a paged field multiplies
  // what it selects by its page size (fields.ts pagedComplexity; evidence by its `first`).
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 1,
    limit: { complexity: QUERY_COST_LIMIT },
    complexityError: (_kind, result) =>
      new GraphQLError(
        `query cost ${result.complexity} is over the limit of ${QUERY_COST_LIMIT}: ask for smaller pages (first/last) or fewer nested lists`,
        { extensions: { code: 'QUERY_TOO_COSTLY', cost: result.complexity, limit: QUERY_COST_LIMIT } },
      ),
  },
  relay: {
    cursorType: 'String',
    clientMutationId: 'omit',
    // Connections report how many items there are in all, for analysts and for paging UIs.
    nodeQueryOptions: { description: 'Any entity by its global id.' },
    // Replaced by Query.nodes in types/graph-queries.ts, which caps the number of ids.
    nodesQueryOptions: false,
  },
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date: Date.parse alone rolls 2022-02-30 over to 2 March instead of refusing it. */
const isCalendarDate = (value: string): boolean =>
  ISO_DATE.test(value) &&
  !Number.isNaN(Date.parse(value)) &&
  new Date(value).toISOString().slice(0, 10) === value;

builder.scalarType('Date', {
  description: 'A calendar date, ISO 8601 (YYYY-MM-DD).',
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value !== 'string' || !isCalendarDate(value)) {
      throw new GraphQLError(`Date must be a real date written YYYY-MM-DD, got ${JSON.stringify(value)}`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return value;
  },
});

builder.queryType({});
