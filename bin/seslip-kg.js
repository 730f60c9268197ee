#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm run build`, which `npm install` runs through `prepare`):
// compiling TypeScript on every call cost seconds before the CLI could answer anything.
import { existsSync } from 'node:fs';
import { URL } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('seslip-kg: dist/ is missing — run `npm run build` (npm install runs it too)\n');
  process.exit(7);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
