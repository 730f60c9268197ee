import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Cypher we run lives in cypher/*.cypher, one query a file, always parameterised.
 * Files are read once and addressed by name, so a query in a log or a test names its file.
 */
export const cypherDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'cypher');

const cache = new Map<string, string>();

export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(cypherDir, `${name}.cypher`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** A label or relationship type, the only values a slot may take. */
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;
const shapedCache = new Map<string, string>();

/**
 * A file's text with its `{{slot}}` markers filled in. Labels and relationship types go in slots because
 * the planner uses them only when written in the query: a dynamic `-[rel:$($type)]-` expands every
 * relationship of the node and filters afterwards (18× the db hits on a Person's BASED_AT). Slot values
 * come from the graph model and must be plain identifiers; a marker left unfilled fails as a syntax error.
 */
export function shapedCypher(name: string, slots: Readonly<Record<string, string>>): string {
  const entries = Object.entries(slots);
  if (entries.length === 0) return cypher(name);
  const cacheKey = `${name}|${JSON.stringify(entries)}`;
  let text = shapedCache.get(cacheKey);
  if (text === undefined) {
    text = entries.reduce((shaped, [slot, value]) => {
      if (!IDENTIFIER.test(value))
        throw new Error(`cypher/${name}.cypher: slot ${slot} = "${value}" is not an identifier`);
      return shaped.replaceAll(`{{${slot}}}`, value);
    }, cypher(name));
    shapedCache.set(cacheKey, text);
  }
  return text;
}

/** Splits a file of several statements (such as schema.cypher) at `;` line ends, dropping `//` comment lines. */
export function cypherStatements(name: string): string[] {
  return cypher(name)
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement !== '');
}

export function cypherFileNames(): string[] {
  return readdirSync(cypherDir)
    .filter((file) => file.endsWith('.cypher'))
    .map((file) => file.slice(0, -'.cypher'.length));
}
