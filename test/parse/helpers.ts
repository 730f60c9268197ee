import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { updateDocument, type UpdateDocument } from '../../src/parse/document.js';
import { loadParseOptions } from '../../src/load/reference.js';
import { parseUpdate, type ParseOptions } from '../../src/parse/index.js';

export const repoPath = (relative: string): string =>
  fileURLToPath(new URL(`../../${relative}`, import.meta.url));
export const fixturePath = (name: string): string => repoPath(`test/fixtures/parse/${name}`);
export const SEEDS = [
  'update-330-2018-11-30',
  'update-412-2020-07-17',
  'update-451-2021-04-30',
  'update-515-2022-07-22',
  'update-518-2022-08-12',
];
/** The handwritten Updates of test/fixtures/parse/layouts/<era>/, truncated variants included. */
export const LAYOUT_FIXTURES = ['2018-2019', '2019-2022', '2023-2025'].flatMap((era) =>
  readdirSync(fixturePath(`layouts/${era}`))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => `layouts/${era}/${name}`),
);
export const seedText = (name: string): string => readFileSync(repoPath(`seed/${name}.txt`), 'utf8');

/** What ingest tells the parser of data/ (the authorities' names), read once as ingest reads it. */
export const parseOptions: ParseOptions = await loadParseOptions();

/** Parses a fixture under test/fixtures/parse and checks the result against the zod contract. */
export function parseFixture(name: string, options: ParseOptions = parseOptions): UpdateDocument {
  const doc = parseUpdate(readFileSync(fixturePath(name), 'utf8'), name, options);
  updateDocument.parse(doc);
  return doc;
}
