import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/** The `seslip-kg` bin as `npx seslip-kg` runs it: a child process through bin/seslip-kg.js. */

const run = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['bin/seslip-kg.js', ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

describe('seslip-kg command line', () => {
  it('lists every command on --help', async () => {
    const { code, stderr } = await run('--help');
    expect(code).toBe(0);
    for (const command of ['serve', 'parse', 'extract', 'ingest', 'derive']) {
      expect(stderr).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
  });

  it('refuses an unknown command with the usage (exit 2)', async () => {
    const { code, stderr } = await run('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('runs parse and extract through the bin', async () => {
    const parsed = await run('parse', 'seed/update-518-2022-08-12.txt', '--json');
    expect(parsed.code).toBe(0);
    expect(JSON.parse(parsed.stdout)).toMatchObject({ issue: { number: 518, date: '2022-08-12' } });
    const extracted = await run('extract', 'seed/update-518-2022-08-12.txt', '--json');
    expect(extracted.code).toBe(0);
    expect(JSON.parse(extracted.stdout)).toMatchObject({ issueNumber: 518 });
  });
});
