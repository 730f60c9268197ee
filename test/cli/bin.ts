import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectDir = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/seslip-kg.js', import.meta.url));

export interface BinResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds, for "answered before Neo4j could have started" checks. */
  ms: number;
}

/**
 * Runs `seslip-kg` as a user does (`npx seslip-kg` runs bin/seslip-kg.js): a child process with only PATH,
 * HOME and the variables given, from `cwd` (the project folder unless told).
 */
export function runBin(
  args: string[],
  env: Record<string, string> = {},
  cwd: string = projectDir,
): Promise<BinResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      'node',
      [bin, ...args],
      { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr, ms: Date.now() - started });
      },
    );
  });
}
