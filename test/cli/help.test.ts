import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectDir, runBin } from './bin.js';

/** A CLI that explains itself: help everywhere, help never starts anything, mistakes answered in one line. */

const commands = ['serve', 'parse', 'extract', 'ingest', 'derive', 'query', 'export', 'import'];
const version = (JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { version: string })
  .version;

describe('seslip-kg help and version', () => {
  it('lists every command on --help and on help', async () => {
    for (const args of [['--help'], ['help']]) {
      const { code, stdout } = await runBin(args);
      expect(code).toBe(0);
      for (const command of commands) expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
  });

  it('prints the version of package.json on --version and -V', async () => {
    for (const flag of ['--version', '-V']) {
      const { code, stdout } = await runBin([flag]);
      expect(code).toBe(0);
      expect(stdout.trim()).toBe(version);
    }
  });

  it('answers --help for every command without starting anything', async () => {
    // An empty data folder and an unreachable NEO4J_URI: starting Neo4j or connecting would show.
    const dataDir = join(mkdtempSync(join(tmpdir(), 'seslip-help-')), 'neo4j');
    for (const command of commands) {
      for (const args of [
        [command, '--help'],
        ['help', command],
      ]) {
        const { code, stdout, stderr } = await runBin(args, {
          NEO4J_EMBEDDED_DIR: dataDir,
          LOG_LEVEL: 'debug',
        });
        expect(code, args.join(' ')).toBe(0);
        expect(stdout).toMatch(new RegExp(`^Usage: seslip-kg ${command} `, 'm'));
        expect(stderr).toBe('');
      }
    }
    expect(existsSync(dataDir)).toBe(false);
    // Sixteen child processes: allow for a slow, shared machine.
  }, 300_000);

  it('loads no command and none of its dependencies on --help (no driver, schema, extractor or zod)', async () => {
    // Every module the process resolves, recorded by module hooks. dist/ is a bundle (scripts/bundle.mjs):
    // commander is inside cli.js, each command in a file of its own, and what they share in chunks. A static
    // import of a command's heavy dependencies (what made --help take seconds) would load a command's file or
    // a chunk of megabytes, whatever the speed of the machine.
    const register = join(projectDir, 'test', 'cli', 'fixtures', 'record-imports', 'register.mjs');
    const { stdout, stderr } = await promisify(execFile)(
      'node',
      ['--import', register, join(projectDir, 'bin', 'seslip-kg.js'), '--help'],
      { cwd: projectDir, env: { PATH: process.env.PATH, HOME: process.env.HOME } },
    );
    expect(stdout).toMatch(/^Usage: seslip-kg /m);
    const urls = [...stderr.matchAll(/^imported (\S+)$/gm)].map((match) => match[1]!);
    expect(urls.filter((url) => url.includes('/node_modules/'))).toEqual([]);
    const own = urls.filter((url) => url.includes('/dist/'));
    const names = own.map((url) => url.replace(/^.*\/dist\//, ''));
    expect(names.filter((name) => name !== 'cli.js' && !/^chunk-\w+\.js$/.test(name))).toEqual([]);
    const bytes = own.reduce((sum, url) => sum + statSync(fileURLToPath(url)).size, 0);
    // cli.js with commander is about 130 kB; the chunk of graphql, Yoga and the schema alone is megabytes.
    expect(bytes).toBeLessThan(250_000);
  });

  it('refuses an unknown command or option with the usage hint (exit 2)', async () => {
    const command = await runBin(['frobnicate']);
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/unknown command 'frobnicate'/);
    expect(command.stderr).toMatch(/seslip-kg --help/);
    const option = await runBin(['parse', '--yaml', 'seed/update-518-2022-08-12.txt']);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/unknown option '--yaml'/);
  });

  it('runs parse and extract through the bin', async () => {
    const parsed = await runBin(['parse', 'seed/update-518-2022-08-12.txt', '--json']);
    expect(parsed.code).toBe(0);
    expect(JSON.parse(parsed.stdout)).toMatchObject({ issue: { number: 518, date: '2022-08-12' } });
    const extracted = await runBin(['extract', 'seed/update-518-2022-08-12.txt', '--json']);
    expect(extracted.code).toBe(0);
    expect(JSON.parse(extracted.stdout)).toMatchObject({ issueNumber: 518 });
  });
});
