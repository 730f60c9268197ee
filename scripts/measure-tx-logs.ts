// Measures the embedded Neo4j's transaction logs and store on disk while Updates are ingested, for a given
// NEO4J_EMBEDDED_TX_LOG_MB: `tsx scripts/measure-tx-logs.ts <updates> <txLogMb>...`. Each setting gets a fresh
// Neo4j in a temp folder; prints one markdown table row per checkpoint of the run.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../src/db/database.js';
import { startEmbeddedNeo4j } from '../src/db/embedded.js';
import { loadResolver } from '../src/load/reference.js';
import { ingestFiles } from '../src/load/ingest.js';
import { silentLogger } from '../src/log.js';
import { writeSyntheticUpdates } from '../test/support/synthetic-updates.js';

function megabytes(path: string): number {
  let bytes = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else bytes += statSync(full).size;
    }
  };
  walk(path);
  return Math.round(bytes / 1e5) / 10;
}

const [count = '200', ...settings] = process.argv.slice(2);
const total = Number(count);
const updates = await writeSyntheticUpdates(mkdtempSync(join(tmpdir(), 'seslip-txlog-updates-')), total);
const resolver = await loadResolver();
console.log(
  '| NEO4J_EMBEDDED_TX_LOG_MB | Updates loaded | transaction logs MB | log files | store MB | seconds |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const setting of settings.length > 0 ? settings : ['64']) {
  const dataDir = mkdtempSync(join(tmpdir(), 'seslip-txlog-neo4j-'));
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    port: 0,
    heapMb: 512,
    pageCacheMb: 64,
    txMemoryMb: 256,
    txLogMb: Number(setting),
    startTimeoutSeconds: 600,
    log: silentLogger,
  });
  const db = Database.connect({ uri: neo4j.uri, user: 'neo4j', password: undefined, database: 'neo4j' });
  await db.applySchema();
  const started = Date.now();
  const row = (loaded: string) => {
    const logs = join(dataDir, 'data', 'transactions', 'neo4j');
    const files = readdirSync(logs).filter((name) => name.includes('.transaction.db.')).length;
    console.log(
      `| ${setting} | ${loaded} | ${megabytes(join(dataDir, 'data', 'transactions'))} | ${files} | ` +
        `${megabytes(join(dataDir, 'data', 'databases'))} | ${Math.round((Date.now() - started) / 1000)} |`,
    );
  };
  const step = Math.max(1, Math.round(total / 4));
  for (let done = 0; done < total; done += step) {
    await ingestFiles(db, resolver, [...updates.slice(done, done + step), 'seed']);
    row(String(Math.min(total, done + step)));
  }
  // Logs are pruned at checkpoints (every 100 transactions or minute): one more row after a quiet minute.
  await new Promise((done) => setTimeout(done, 70_000));
  row(`${total} + 70 s idle`);
  await db.close();
  await neo4j.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
