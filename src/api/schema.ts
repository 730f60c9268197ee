import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.js';
import { TARGETS } from './refs.js';
import { checkedPropertyFields } from './selection.js';
import './types/evidence.js';
import './types/issue.js';
import './types/item.js';
import './types/report.js';
import './types/organisation.js';
import './types/person.js';
import './types/network.js';
import './types/meeting.js';
import './types/local-authority.js';
import './types/roots.js';
import './types/graph-queries.js';
import './types/health.js';
import './types/decisions.js';

/** The schema, its fields' stored properties checked against the graph model. */
export const schema = checkedPropertyFields(
  builder.toSchema(),
  new Map(Object.values(TARGETS).map((target) => [target.ref.name, target.labels])),
);

/** The SDL checked in as schema/schema.graphql (sorted, so that it diffs cleanly). */
export function printedSchema(): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
