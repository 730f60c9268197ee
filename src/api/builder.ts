import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import type { Context } from './context.js';

/** The one Pothos builder; each type lives in its own module under src/api/types/. */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: { Date: { Input: string; Output: string } };
}>({
  plugins: [ComplexityPlugin, RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    cursorType: 'String',
    clientMutationId: 'omit',
    // Connections report how many items there are in all, for analysts and for paging UIs.
    nodeQueryOptions: { description: 'Any entity by its global id.' },
    nodesQueryOptions: {
      description: 'Several entities by global id, in the order asked (null where not found).',
    },
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
      throw new GraphQLError(`Date must be a real date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
    }
    return value;
  },
});

builder.queryType({});
