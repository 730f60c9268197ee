// `npm run build` (after tsc has checked the types): src/cli.ts and every module it imports, node_modules
// included, bundled by esbuild into dist/: cli.js, one file per command loaded on demand, and the chunks they
// share. Node then reads a few dozen files instead of some 700 and resolves no packages, which halves the CPU
// time a command spends before it can answer (see README, "CLI timings").
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { build } from 'esbuild';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const srcDir = `${projectDir}src`;
const distDir = `${projectDir}dist`;

/**
 * The sources find data/, cypher/ and src/server/pages relative to their own file (`new URL('../../data/',
 * import.meta.url)`). In the bundle each module's `import.meta.url` is made the URL its file would have had
 * in dist/ (every chunk sits in dist/ itself), so those paths hold as they do under tsx.
 */
const ownModuleUrls = {
  name: 'own-module-urls',
  setup(plugin) {
    plugin.onLoad({ filter: /\/src\/.*\.ts$/ }, ({ path }) => {
      const inDist = `./${relative(srcDir, path).replace(/\.ts$/, '.js')}`;
      const source = readFileSync(path, 'utf8');
      return {
        contents: source.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(inDist)}, import.meta.url).href`,
        ),
        loader: 'ts',
      };
    });
  },
};

// Chunk names carry a hash: the files of an earlier build would stay beside the new ones.
mkdirSync(distDir, { recursive: true });
for (const entry of readdirSync(distDir, { withFileTypes: true })) {
  if (entry.name !== '.tsbuildinfo') rmSync(`${distDir}/${entry.name}`, { recursive: true, force: true });
}

await build({
  entryPoints: [`${srcDir}/cli.ts`],
  outdir: distDir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // CommonJS packages inside an ES module bundle call require() for Node's own modules.
  banner: {
    js: "import { createRequire as createBundleRequire } from 'node:module'; const require = createBundleRequire(import.meta.url);",
  },
  plugins: [ownModuleUrls],
  logLevel: 'warning',
});
