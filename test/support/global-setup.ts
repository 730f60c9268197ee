import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { startEmbeddedNeo4j } from '../../src/db/embedded.js';
import { createLogger } from '../../src/log.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

/**
 * Bundles src/ into dist/ (the second half of `npm run build`; the types are `npm run typecheck`'s concern),
 * because the CLI tests run bin/seslip-kg.js as a user does, and it runs dist/: without this they would test
 * whatever was built last instead of the code under test.
 */
async function buildDist(): Promise<void> {
  const projectDir = fileURLToPath(new URL('../..', import.meta.url));
  await promisify(execFile)(process.execPath, [join(projectDir, 'scripts', 'bundle.mjs')], {
    cwd: projectDir,
  });
}

/**
 * Starts a throwaway embedded Neo4j on a free port in a temp folder for the whole run, and removes it
 * afterwards. Tests never use NEO4J_URI from the environment; NEO4J_TEST_URI alone points them elsewhere.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const built = buildDist();
  const external = process.env.NEO4J_TEST_URI;
  if (external !== undefined && external !== '') {
    project.provide('neo4jUri', external);
    await built;
    return async () => {};
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'seslip-kg-test-neo4j-'));
  const started = Date.now();
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    port: 0,
    heapMb: 768,
    pageCacheMb: 128,
    txMemoryMb: 512,
    startTimeoutSeconds: 600,
    // info: a first run on a new machine shows Maven's download progress instead of going quiet.
    log: createLogger('info'),
  });
  process.stderr.write(
    `test Neo4j ${neo4j.version} at ${neo4j.uri} (started in ${Date.now() - started} ms, data in ${dataDir})\n`,
  );
  project.provide('neo4jUri', neo4j.uri);
  await built;
  return async () => {
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
