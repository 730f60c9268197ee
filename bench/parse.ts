/**
 * Median time to parse one Update, over the seeds: `npx tsx bench/parse.ts [rounds]`.
 * Each round parses every seed once; the first rounds warm the JIT and are not counted.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseUpdate } from '../src/parse/index.js';

const seedDir = new URL('../seed/', import.meta.url);
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ name: f, text: readFileSync(new URL(f, seedDir), 'utf8') }));
const rounds = Number(process.argv[2] ?? 200);
const warmup = 20;

const times: number[] = [];
for (let round = 0; round < warmup + rounds; round++) {
  for (const seed of seeds) {
    const start = performance.now();
    parseUpdate(seed.text, seed.name);
    if (round >= warmup) times.push(performance.now() - start);
  }
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? 0;
const p95 = times[Math.floor(times.length * 0.95)] ?? 0;
console.log(
  `parse: median ${median.toFixed(3)} ms per Update, p95 ${p95.toFixed(3)} ms (${seeds.length} seeds × ${rounds} rounds)`,
);
