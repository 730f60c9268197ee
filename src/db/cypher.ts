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
