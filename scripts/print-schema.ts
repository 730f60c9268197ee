// Writes schema/schema.graphql from the Pothos schema; a test fails when the checked-in copy is stale.
import { writeFileSync } from 'node:fs';
import { printedSchema } from '../src/api/schema.js';

writeFileSync(new URL('../schema/schema.graphql', import.meta.url), printedSchema());
console.log('wrote schema/schema.graphql');
