import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of src/ point one way, as the README's Layout says: parse → extract → load → graph model →
 * storage → API → server/CLI, with src/text and src/graph depending on no other layer. Each row names what a
 * layer must not import: a later layer, or (for extract) the file system, since loading data/ is its caller's job.
 */

const LAYERS = [
  'text',
  'graph',
  'parse',
  'crawl',
  'extract',
  'load',
  'storage',
  'db',
  'api',
  'server',
  'commands',
];
const allBut = (own: string): string[] => LAYERS.filter((layer) => layer !== own);

const MUST_NOT_IMPORT: Record<string, string[]> = {
  text: allBut('text'),
  graph: allBut('graph'),
  parse: ['crawl', 'extract', 'load', 'storage', 'db', 'api', 'server', 'commands'],
  extract: ['crawl', 'load', 'storage', 'db', 'api', 'server', 'commands', 'node:fs', 'node:fs/promises'],
  storage: ['parse', 'crawl', 'extract', 'load', 'api', 'server', 'commands'],
  api: ['parse', 'crawl', 'extract', 'load', 'server', 'commands'],
  server: ['parse', 'crawl', 'extract', 'load', 'commands'],
};

const SRC = resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Static imports and re-exports, side-effect imports and dynamic `import('…')` of one file. */
const IMPORT = /(?:^(?:import|export)\b[^;]*?\bfrom\s*|^import\s*|\bimport\(\s*)['"]([^'"\n]+)['"]/gm;

/** The layer a specifier reaches: the first folder under src/ (or the file's name at its top), or the module itself. */
function layerOf(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const target = relative(SRC, resolve(dirname(file), specifier));
  return target.split('/')[0]!.replace(/\.js$/, '');
}

/** Every import in src/ as `layer → what it reaches`, with the importing file. */
const imports = sourceFiles(SRC).flatMap((file) => {
  const layer = relative(SRC, file).split('/')[0]!;
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => ({
    file: relative('.', file),
    layer,
    reaches: layerOf(file, m[1]!),
  }));
});

describe('the layers of src/', () => {
  it('are read from the imports: known arrows are found, dynamic imports too', () => {
    const arrows = new Set(imports.map(({ layer, reaches }) => `${layer} → ${reaches}`));
    for (const known of ['api → storage', 'load → extract', 'extract → text', 'commands → server'])
      expect(arrows).toContain(known);
    // cli.ts loads each command on demand, with import('./commands/….js').
    expect(imports).toContainEqual({ file: 'src/cli.ts', layer: 'cli.ts', reaches: 'commands' });
  });

  it('point one way: no layer imports one it must not', () => {
    const wrong = imports
      .filter(({ layer, reaches }) => MUST_NOT_IMPORT[layer]?.includes(reaches))
      .map(({ file, reaches }) => `${file} imports ${reaches}`);
    expect(wrong).toEqual([]);
  });
});
