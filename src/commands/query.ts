import { readFile } from 'node:fs/promises';
import {
  GraphQLError,
  Kind,
  parse,
  type DocumentNode,
  type OperationDefinitionNode,
  type TypeNode,
} from 'graphql';
import { loadResolver } from '../load/reference.js';
import { withConfig, withDatabase } from './common.js';
import { CliError } from './errors.js';
import { ExitCode } from './exit-code.js';

export interface QueryFlags {
  var: string[];
  csv?: boolean;
  json?: boolean;
}

interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/**
 * `seslip-kg query <file.graphql> [--var name=value]... [--csv|--json]`: runs one operation in-process through
 * the app's own Yoga `fetch` (same schema, limits and errors as over HTTP), against NEO4J_URI or the embedded
 * Neo4j. With --csv, the answer is flattened into rows for a spreadsheet (see `flattenRows`).
 */
export async function run(file: string, flags: QueryFlags): Promise<number> {
  if (flags.csv === true && flags.json === true) {
    throw new CliError(ExitCode.usage, '--csv and --json exclude each other', 'pass one of them');
  }
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new CliError(ExitCode.failed, `cannot read ${file}: ${error.message}`, 'check the path');
  });
  const operation = singleOperation(parseQuery(text, file), file);
  const variables = variablesFrom(operation, flags.var);
  // The app's modules (schema, Yoga) take a second or more to load: they load while the connection to Neo4j
  // is opened, not before it. Not the server's createApp: one query is run sooner by graphql-js's executor
  // than by loading graphql-jit to compile it.
  const loading = Promise.all([import('../server/yoga-app.js'), loadResolver()]);
  loading.catch(() => undefined); // awaited below; a failure to open the database comes first
  return withConfig((config, log) =>
    withDatabase(config, log, async ({ db }) => {
      const [{ createYogaApp }, resolver] = await loading;
      const app = createYogaApp({ config, db, resolver, log }, []);
      // The operator of the CLI holds the API keys already: contact details are theirs to export.
      const key = config.API_KEYS[0];
      const response = await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
        },
        body: JSON.stringify({ query: text, variables }),
      });
      const result = (await response.json()) as GraphQLResponse;
      for (const error of result.errors ?? []) {
        const at = error.path === undefined ? '' : ` (at ${error.path.join('.')})`;
        const code = error.extensions?.code === undefined ? '' : ` [${error.extensions.code}]`;
        process.stderr.write(`seslip-kg query: ${file}: ${error.message}${at}${code}\n`);
      }
      if (result.data !== undefined && result.data !== null) {
        process.stdout.write(
          flags.csv === true ? await toCsv(flattenRows(result.data)) : JSON.stringify(result, null, 2) + '\n',
        );
      }
      return (result.errors ?? []).length > 0 ? ExitCode.failed : ExitCode.ok;
    }),
  );
}

function parseQuery(text: string, file: string): DocumentNode {
  try {
    return parse(text);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const where = error.locations?.[0];
    throw new CliError(
      ExitCode.failed,
      `${file}${where === undefined ? '' : `:${where.line}:${where.column}`}: ${error.message}`,
      'fix the query (GraphiQL at /graphql checks it as you type)',
    );
  }
}

function singleOperation(document: DocumentNode, file: string): OperationDefinitionNode {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operations.length !== 1) {
    throw new CliError(
      ExitCode.failed,
      `${file} holds ${operations.length} operations`,
      'keep exactly one query in the file (fragments may stay)',
    );
  }
  return operations[0]!;
}

function namedType(type: TypeNode): { name: string; list: boolean } {
  if (type.kind === Kind.NAMED_TYPE) return { name: type.name.value, list: false };
  if (type.kind === Kind.LIST_TYPE) return { ...namedType(type.type), list: true };
  return namedType(type.type);
}

/**
 * `--var name=value` pairs, typed by the operation's own variable declarations: `first=10` is an Int when the
 * query says `$first: Int`, and the string "10" when it says `String`. JSON (`[…]`, `{…}`) passes as is.
 */
export function variablesFrom(operation: OperationDefinitionNode, pairs: string[]): Record<string, unknown> {
  const declared = new Map(
    (operation.variableDefinitions ?? []).map((definition) => [
      definition.variable.name.value,
      namedType(definition.type),
    ]),
  );
  const names = [...declared.keys()].map((name) => `$${name}`).join(', ') || 'none';
  const variables: Record<string, unknown> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) {
      throw new CliError(ExitCode.usage, `--var ${pair} is not name=value`, `write it as --var name=value`);
    }
    const name = pair.slice(0, equals);
    const value = pair.slice(equals + 1);
    const type = declared.get(name);
    if (type === undefined) {
      throw new CliError(
        ExitCode.usage,
        `--var ${name}: the query declares no variable $${name}`,
        `use one it declares: ${names}`,
      );
    }
    variables[name] = typedValue(name, value, type);
  }
  return variables;
}

function typedValue(name: string, value: string, type: { name: string; list: boolean }): unknown {
  const bad = (expected: string) =>
    new CliError(ExitCode.usage, `--var ${name}=${value}: $${name} is ${type.name}`, `give ${expected}`);
  if (/^\s*[[{]/.test(value) || type.list) {
    try {
      return JSON.parse(value);
    } catch {
      throw bad('valid JSON, e.g. ["a","b"]');
    }
  }
  if (type.name === 'Int' || type.name === 'Float') {
    const number = Number(value);
    if (
      value.trim() === '' ||
      !Number.isFinite(number) ||
      (type.name === 'Int' && !Number.isInteger(number))
    ) {
      throw bad(type.name === 'Int' ? 'a whole number' : 'a number');
    }
    return number;
  }
  if (type.name === 'Boolean') {
    if (value !== 'true' && value !== 'false') throw bad('true or false');
    return value === 'true';
  }
  return value;
}

type CsvRow = Record<string, string>;

/** Paging details carry no facts for a spreadsheet. */
const pagingFields = new Set(['pageInfo', 'cursor']);

/**
 * Flattens a GraphQL answer into rows: every list of objects (a connection's `edges`, or a plain list) becomes
 * one row per element, combined with the fields around it (so a report with three evidence entries gives three
 * rows); `edges` and `node` vanish from the column names (`reportFeeds.edges.node.report.title` is
 * `report.title`); a list of scalars is one cell joined with "; "; an empty list or null leaves its cells empty.
 * With one root field its name is left out of the columns too.
 */
export function flattenRows(data: Record<string, unknown>): CsvRow[] {
  const roots = Object.keys(data);
  return roots.length === 1 ? rowsOf(data[roots[0]!], '') : rowsOf(data, '');
}

function rowsOf(value: unknown, prefix: string): CsvRow[] {
  if (value === null || value === undefined) return [{}];
  if (Array.isArray(value)) {
    if (value.length === 0) return [{}];
    if (value.every((element) => element === null || typeof element !== 'object')) {
      return [{ [prefix]: value.map((element) => String(element ?? '')).join('; ') }];
    }
    return value.flatMap((element) => rowsOf(element, prefix));
  }
  if (typeof value === 'object') {
    let rows: CsvRow[] = [{}];
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (pagingFields.has(key)) continue;
      const childPrefix =
        key === 'edges' || key === 'node' ? prefix : prefix === '' ? key : `${prefix}.${key}`;
      const childRows = rowsOf(child, childPrefix);
      rows = rows.flatMap((row) => childRows.map((childRow) => ({ ...row, ...childRow })));
    }
    return rows;
  }
  return [{ [prefix === '' ? 'value' : prefix]: String(value) }];
}

/** The CSV writer is loaded only when CSV is asked for. */
async function toCsv(rows: CsvRow[]): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return stringify(rows, { header: true, columns });
}
