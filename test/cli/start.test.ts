import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockName, serverFileName, type ServerFile } from '../../src/db/embedded/store-lock.js';
import { projectDir } from './bin.js';

/**
 * `npm start` under a process manager: the manager signals the PID it started, which is npm's. npm passes
 * the signal on to its script, and the script must be the server itself (not a shell that dies and leaves the
 * server and Neo4j running), so that the server stops Neo4j cleanly and both are gone.
 */

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, seconds: number, what: string): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${seconds} s`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

describe('npm start', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    "stops the server and the Neo4j JVM when npm's PID gets %s",
    async (signal) => {
      const dataDir = join(mkdtempSync(join(tmpdir(), 'seslip-start-')), 'neo4j');
      const npm = spawn('npm', ['start'], {
        cwd: projectDir,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NEO4J_EMBEDDED_DIR: dataDir,
          NEO4J_EMBEDDED_PORT: '0',
          NEO4J_EMBEDDED_HEAP_MB: '256',
          NEO4J_EMBEDDED_PAGE_CACHE_MB: '16',
          NEO4J_EMBEDDED_START_TIMEOUT: '600',
          PORT: '0',
          LOAD_SEED: 'false',
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      npm.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      npm.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const npmExited = new Promise<void>((done) => npm.once('exit', () => done()));
      let holder: Required<ServerFile> | undefined;
      try {
        await until(() => /GraphiQL: \S+/.test(stdout) || npm.exitCode !== null, 600, 'GraphiQL ready');
        const graphiql = /GraphiQL: (\S+)/.exec(stdout)?.[1];
        expect(graphiql, stderr).toBeDefined();
        holder = JSON.parse(readFileSync(join(dataDir, serverFileName), 'utf8')) as Required<ServerFile>;
        const { ownerPid, javaPid } = holder;
        // The server is a process of its own below npm, and the JVM one below the server.
        expect(ownerPid).not.toBe(npm.pid);
        expect(isAlive(ownerPid) && isAlive(javaPid)).toBe(true);
        expect((await fetch(graphiql!, { headers: { accept: 'text/html' } })).status).toBe(200);

        npm.kill(signal);
        await npmExited;
        await until(() => !isAlive(ownerPid), 120, 'server gone');
        await until(() => !isAlive(javaPid), 120, 'Neo4j JVM gone');
        await expect(fetch(graphiql!)).rejects.toThrow();
        expect(stderr).toContain(`"signal":"${signal}"`);
        // A clean stop gives the store up: no lock or server file is left for the next start to doubt.
        expect(existsSync(join(dataDir, lockName))).toBe(false);
        expect(existsSync(join(dataDir, serverFileName))).toBe(false);
      } finally {
        // A failed run must not leave a server or a JVM behind (the JVM stops when its server does).
        if (npm.exitCode === null) npm.kill('SIGKILL');
        if (holder !== undefined && isAlive(holder.ownerPid)) process.kill(holder.ownerPid, 'SIGKILL');
        rmSync(join(dataDir, '..'), { recursive: true, force: true });
      }
    },
    900_000,
  );
});
