/**
 * Time to parse one Update, over the seeds: `npx tsx bench/parse.ts [rounds]` prints the median and p95;
 * `npm run bench` (bench/run.ts) reuses `parseBenchmark`, and `extractBenchmark` for the extractor.
 * Each round handles every seed once; the first rounds warm the JIT and are not counted.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { extractGraph } from '../src/extract/extract.js';
import { nameReader, proposeNames } from '../src/extract/name-reader.js';
import { type Resolver } from '../src/extract/resolve.js';
import { loadParseOptions, loadResolver } from '../src/load/reference.js';
import { parseUpdate } from '../src/parse/index.js';
import { percentile } from './stats.js';

export interface StepBenchmark {
  seeds: number;
  rounds: number;
  medianMs: number;
  p95Ms: number;
}

function seeds(): { name: string; text: string }[] {
  const seedDir = new URL('../seed/', import.meta.url);
  return readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: f, text: readFileSync(new URL(f, seedDir), 'utf8') }));
}

/** Times `step` on every input, `warmup + rounds` times over; only the last `rounds` count. */
function timeRounds<T>(
  inputs: T[],
  step: (input: T) => unknown,
  rounds: number,
  warmup: number,
): StepBenchmark {
  const times: number[] = [];
  for (let round = 0; round < warmup + rounds; round++) {
    for (const input of inputs) {
      const start = performance.now();
      step(input);
      if (round >= warmup) times.push(performance.now() - start);
    }
  }
  return { seeds: inputs.length, rounds, medianMs: percentile(times, 50), p95Ms: percentile(times, 95) };
}

/** parseUpdate per seed, told the authorities' names as ingest tells it. */
export async function parseBenchmark(rounds = 200, warmup = 20): Promise<StepBenchmark> {
  const options = await loadParseOptions();
  return timeRounds(seeds(), (seed) => parseUpdate(seed.text, seed.name, options), rounds, warmup);
}

/**
 * Extraction per parsed seed, as ingest does it (the step between parsing and loading): the statistical
 * reader's proposals over the sidecar, then extractGraph. The sidecar is started before the clock runs.
 */
export async function extractBenchmark(resolver: Resolver, rounds = 50, warmup = 5): Promise<StepBenchmark> {
  const options = await loadParseOptions();
  const docs = seeds().map((seed) => parseUpdate(seed.text, seed.name, options));
  await nameReader();
  const times: number[] = [];
  for (let round = 0; round < warmup + rounds; round++) {
    for (const doc of docs) {
      const start = performance.now();
      extractGraph(doc, resolver, await proposeNames(doc));
      if (round >= warmup) times.push(performance.now() - start);
    }
  }
  return { seeds: docs.length, rounds, medianMs: percentile(times, 50), p95Ms: percentile(times, 95) };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await parseBenchmark(Number(process.argv[2] ?? 200));
  console.log(
    `parse: median ${result.medianMs.toFixed(3)} ms per Update, p95 ${result.p95Ms.toFixed(3)} ms ` +
      `(${result.seeds} seeds × ${result.rounds} rounds)`,
  );
  const extract = await extractBenchmark(await loadResolver(), 20, 2);
  console.log(
    `extract (with the name reader): median ${extract.medianMs.toFixed(1)} ms per Update, p95 ${extract.p95Ms.toFixed(1)} ms ` +
      `(${extract.seeds} seeds × ${extract.rounds} rounds)`,
  );
}
