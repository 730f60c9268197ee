/**
 * Time to parse one Update, over the seeds: `npx tsx bench/parse.ts [rounds]` prints the median and p95;
 * `npm run bench` (bench/run.ts) reuses `parseBenchmark`.
 * Each round parses every seed once; the first rounds warm the JIT and are not counted.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseUpdate } from '../src/parse/index.js';
import { percentile } from './stats.js';

export interface ParseBenchmark {
  seeds: number;
  rounds: number;
  medianMs: number;
  p95Ms: number;
}

export function parseBenchmark(rounds = 200, warmup = 20): ParseBenchmark {
  const seedDir = new URL('../seed/', import.meta.url);
  const seeds = readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: f, text: readFileSync(new URL(f, seedDir), 'utf8') }));
  const times: number[] = [];
  for (let round = 0; round < warmup + rounds; round++) {
    for (const seed of seeds) {
      const start = performance.now();
      parseUpdate(seed.text, seed.name);
      if (round >= warmup) times.push(performance.now() - start);
    }
  }
  return { seeds: seeds.length, rounds, medianMs: percentile(times, 50), p95Ms: percentile(times, 95) };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = parseBenchmark(Number(process.argv[2] ?? 200));
  console.log(
    `parse: median ${result.medianMs.toFixed(3)} ms per Update, p95 ${result.p95Ms.toFixed(3)} ms ` +
      `(${result.seeds} seeds × ${result.rounds} rounds)`,
  );
}
