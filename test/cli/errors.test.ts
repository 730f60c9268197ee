import { createServer, type Server } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { explain } from '../../src/commands/errors.js';
import { ExitCode } from '../../src/commands/exit-code.js';
import { loadDotEnv, projectPath } from '../../src/project.js';
import { DatabaseError } from '../../src/db/database.js';
import { startEmbeddedNeo4j } from '../../src/db/embedded.js';
import { mavenDownload } from '../../src/db/embedded/build.js';
import { lockName, serverFileName } from '../../src/db/embedded/store-lock.js';
import { DatabaseConnectError } from '../../src/db/open.js';
import { silentLogger } from '../../src/log.js';
import { projectDir, runBin } from './bin.js';

/**
 * The everyday mistakes of issue #11, each answered in one line with the fix and its own exit status, with
 * stack traces only under --debug. docs/cli-errors.md is the transcript of the same cases.
 */

const unreachable = { NEO4J_URI: 'bolt://127.0.0.1:1' };
const stackLine = /^\s+at /m;

/** A listener on a free port of 127.0.0.1, standing in for "another program has that port". */
async function occupyPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { port: (server.address() as { port: number }).port, server };
}

const servers: Server[] = [];
afterAll(() => servers.forEach((server) => server.close()));

describe('an unreachable NEO4J_URI', () => {
  it('is one line naming the URI and the fix, exit 3, for every command that needs Neo4j', async () => {
    for (const args of [
      ['ingest', 'seed'],
      ['derive'],
      ['serve'],
      ['query', 'test/cli/fixtures/feeds.graphql'],
    ]) {
      const { code, stderr } = await runBin(args, { ...unreachable, PORT: '0' });
      expect(code, args[0]).toBe(ExitCode.unreachable);
      expect(stderr.trim()).toBe(
        'seslip-kg: Neo4j at bolt://127.0.0.1:1 is unreachable — start that Neo4j, correct NEO4J_URI, ' +
          'or unset NEO4J_URI to use the embedded Neo4j',
      );
    }
  });

  it('shows the driver error and the stack only with --debug', async () => {
    const plain = await runBin(['derive'], unreachable);
    expect(plain.stderr).not.toMatch(stackLine);
    const debug = await runBin(['--debug', 'derive'], unreachable);
    expect(debug.code).toBe(ExitCode.unreachable);
    expect(debug.stderr).toMatch(/ECONNREFUSED/);
    expect(debug.stderr).toMatch(stackLine);
  });
});

describe('credentials, configuration and bugs', () => {
  it('refused credentials are exit 4 with the user named', () => {
    const refused = new DatabaseError(
      'AUTH',
      'Neo4j refused the credentials',
      'Neo.ClientError.Security.Unauthorized',
    );
    const explained = explain(new DatabaseConnectError('bolt://db:7687', 'reader', refused));
    expect(explained).toMatchObject({
      exitCode: ExitCode.credentials,
      line: 'Neo4j at bolt://db:7687 refused the credentials of user reader — check NEO4J_USER and NEO4J_PASSWORD',
    });
  });

  it('an invalid setting is exit 2, naming the variable', async () => {
    const { code, stderr } = await runBin(['derive'], { PORT: 'eighty' });
    expect(code).toBe(ExitCode.usage);
    expect(stderr).toMatch(/PORT: must be a whole number \(got "eighty"\)/);
  });

  it('an unexpected error says it is one, exit 70, stack under --debug only', () => {
    const explained = explain(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(explained.exitCode).toBe(ExitCode.internal);
    expect(explained.line).toBe(
      "internal error: Cannot read properties of undefined (reading 'x') — run again with --debug and report the output",
    );
    expect(explained.details).toMatch(stackLine);
  });
});

describe('ports in use, checked before Neo4j starts', () => {
  it('the HTTP port: exit 6 naming PORT, before any connection to Neo4j is tried', async () => {
    const { port, server } = await occupyPort();
    servers.push(server);
    // NEO4J_URI is unreachable: had serve connected first, the answer would be exit 3.
    const { code, stderr } = await runBin(['serve'], { ...unreachable, PORT: String(port) });
    expect(code).toBe(ExitCode.portInUse);
    expect(stderr.trim()).toBe(
      `seslip-kg: the HTTP port ${port} on 127.0.0.1 is in use (another seslip-kg serve, or another program) — ` +
        'stop that program, or set PORT to a free port (PORT=0 picks one)',
    );
  });

  it("the embedded Neo4j's Bolt port: exit 6 naming NEO4J_EMBEDDED_PORT, and no JVM started", async () => {
    const { port, server } = await occupyPort();
    servers.push(server);
    const dataDir = mkdtempSync(join(tmpdir(), 'seslip-bolt-busy-'));
    const { code, stderr } = await runBin(['ingest', 'seed'], {
      NEO4J_EMBEDDED_DIR: dataDir,
      NEO4J_EMBEDDED_PORT: String(port),
      LOG_LEVEL: 'info',
    });
    expect(code).toBe(ExitCode.portInUse);
    expect(stderr).toMatch(
      new RegExp(
        `seslip-kg: the embedded Neo4j's Bolt port ${port} on 127.0.0.1 is in use by another program — .*NEO4J_EMBEDDED_PORT=0`,
      ),
    );
    expect(stderr).not.toMatch(/embedded Neo4j ready/);
    expect(stderr).not.toMatch(stackLine);
  });
});

describe('the embedded store held by a running server', () => {
  it('is used by the CLI without NEO4J_URI, found through its lock file, even run from a subfolder', async () => {
    // A data folder inside the project, named relative to it: the CLI below runs from test/, so it finds this
    // store only if NEO4J_EMBEDDED_DIR resolves against the project and not the current folder.
    const dataDir = projectPath(`.data/test-held-${process.pid}`);
    mkdirSync(dataDir, { recursive: true });
    // The lock and server file left by a holder that was killed (no such process): they must not block the
    // start below, nor wait until the lock goes stale.
    mkdirSync(join(dataDir, lockName));
    writeFileSync(
      join(dataDir, serverFileName),
      JSON.stringify({ javaPid: 2 ** 22 + 1, ownerPid: 2 ** 22 + 2, uri: 'bolt://127.0.0.1:1' }),
    );
    const holder = await startEmbeddedNeo4j({
      dataDir,
      port: 0,
      heapMb: 256,
      pageCacheMb: 16,
      txMemoryMb: 64,
      startTimeoutSeconds: 600,
      log: silentLogger,
    });
    const queryFile = join(mkdtempSync(join(tmpdir(), 'seslip-held-')), 'count.graphql');
    writeFileSync(queryFile, '{ stats { nodes { label count } } }\n');
    try {
      expect(JSON.parse(readFileSync(join(dataDir, serverFileName), 'utf8'))).toEqual({
        ownerPid: process.pid,
        javaPid: holder.pid,
        uri: holder.uri,
      });
      const env = { NEO4J_EMBEDDED_DIR: relative(projectDir, dataDir), LOG_LEVEL: 'info' };
      const query = await runBin(['query', queryFile], env, join(projectDir, 'test'));
      expect(query.code).toBe(ExitCode.ok);
      expect(query.stderr).toContain(`using the running server's embedded Neo4j`);
      expect(query.stderr).toContain(holder.uri);
      expect(query.stderr).not.toMatch(/starting embedded Neo4j/);
      expect(JSON.parse(query.stdout)).toMatchObject({ data: { stats: { nodes: expect.any(Array) } } });
      // A second server keeps a Neo4j of its own, so it is refused the held store, in one line with the fix.
      const serve = await runBin(
        ['serve'],
        { ...env, PORT: '0', LOG_LEVEL: 'warn' },
        join(projectDir, 'test'),
      );
      expect(serve.code).toBe(ExitCode.storeInUse);
      expect(serve.stderr.trim()).toBe(
        `seslip-kg: the embedded Neo4j in ${dataDir} is in use by another seslip-kg process (pid ${process.pid}), ` +
          `listening on ${holder.uri} — set NEO4J_URI=${holder.uri} to use that Neo4j, or stop the other process first`,
      );
      // Stopped, the holder gives the store up: the lock and the server file are gone.
      await holder.stop();
      expect(existsSync(join(dataDir, lockName))).toBe(false);
      expect(existsSync(join(dataDir, serverFileName))).toBe(false);
    } finally {
      await holder.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 600_000);
});

describe('first start and settings files', () => {
  it("counts Maven's '[INFO] Downloaded from central: …' lines with their sizes", () => {
    expect(
      mavenDownload(
        '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/neo4j/neo4j-kernel/5.26.0/neo4j-kernel-5.26.0.jar (5.6 MB at 3.1 MB/s)',
      ),
    ).toEqual({ artifact: 'neo4j-kernel-5.26.0.jar', bytes: 5_600_000 });
    expect(mavenDownload('Downloaded from central: https://x/y/z.pom (2.1 kB at 9 kB/s)')).toEqual({
      artifact: 'z.pom',
      bytes: 2100,
    });
    expect(mavenDownload('[INFO] Downloading from central: https://x/y/z.pom')).toBeNull();
    expect(mavenDownload('[INFO] BUILD SUCCESS')).toBeNull();
  });

  it('reads .env, and a variable set in the environment wins over the file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'seslip-env-')), '.env');
    writeFileSync(file, 'SESLIP_TEST_FROM_FILE=file\nSESLIP_TEST_BOTH=file\n');
    process.env.SESLIP_TEST_BOTH = 'environment';
    try {
      loadDotEnv(file);
      expect(process.env.SESLIP_TEST_FROM_FILE).toBe('file');
      expect(process.env.SESLIP_TEST_BOTH).toBe('environment');
    } finally {
      delete process.env.SESLIP_TEST_FROM_FILE;
      delete process.env.SESLIP_TEST_BOTH;
    }
  });
});
