import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  authorityNames,
  checkReferenceData,
  FILES,
  ReferenceDataError,
  type ReferenceData,
  type ReferenceFile,
} from '../extract/reference.js';
import { createResolver, type Resolver } from '../extract/resolve.js';
import { knownAuthorities, type ParseOptions } from '../parse/index.js';

/**
 * Reads the reference data in data/ (or another folder) for the parser and the extractor, which check and use
 * it (src/extract/reference.ts, src/parse/authorities.ts) but read no files themselves.
 */

/** The data/ folder of this project, wherever the process was started from. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

const cache = new Map<string, Promise<ReferenceData>>();

/** Reads and checks the reference data once per folder; a failed load is not cached, so a fix is picked up. */
export function loadReferenceData(dir: string = DEFAULT_DATA_DIR): Promise<ReferenceData> {
  const key = path.resolve(dir);
  let loading = cache.get(key);
  if (loading === undefined) {
    loading = readAll(key);
    cache.set(key, loading);
    loading.catch(() => cache.delete(key));
  }
  return loading;
}

async function readAll(dir: string): Promise<ReferenceData> {
  const [authority, organisation, network, person] = await Promise.all([
    readJson(dir, FILES.authority),
    readJson(dir, FILES.organisation),
    readJson(dir, FILES.network),
    readJson(dir, FILES.person, { optional: true }),
  ]);
  return checkReferenceData({ authority, organisation, network, person });
}

/** The file's JSON; undefined when an optional file is missing. */
function readJson(dir: string, file: string): Promise<ReferenceFile>;
function readJson(dir: string, file: string, options: { optional: true }): Promise<ReferenceFile | undefined>;
async function readJson(
  dir: string,
  file: string,
  { optional = false } = {},
): Promise<ReferenceFile | undefined> {
  const where = path.join(dir, file);
  let text: string;
  try {
    text = await readFile(where, 'utf8');
  } catch (error) {
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ReferenceDataError(`${where}: cannot be read: ${(error as Error).message}`);
  }
  try {
    return { where, json: JSON.parse(text) as unknown };
  } catch (error) {
    throw new ReferenceDataError(`${where}: not valid JSON: ${(error as Error).message}`);
  }
}

/** A value built from the reference data in a folder (data/ by default), once per loaded data set. */
function builtOnce<T extends object>(build: (data: ReferenceData) => T): (dir?: string) => Promise<T> {
  const built = new WeakMap<ReferenceData, T>();
  return async (dir) => {
    const data = await loadReferenceData(dir);
    let value = built.get(data);
    if (value === undefined) {
      value = build(data);
      built.set(data, value);
    }
    return value;
  };
}

/** The resolver over data/ (or another folder), for the extractor. */
export const loadResolver: (dir?: string) => Promise<Resolver> = builtOnce(createResolver);

/** What the parser is told of data/ (or another folder): the authorities' names. */
export const loadParseOptions: (dir?: string) => Promise<ParseOptions> = builtOnce((data) => ({
  authorities: knownAuthorities(authorityNames(data)),
}));
