import SchemaBuilder from '@pothos/core';
import type { Context } from './context.js';

/** The one Pothos builder; each type lives in its own module under src/api/types/. */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
}>({
  defaultFieldNullability: false,
});

builder.queryType({});
