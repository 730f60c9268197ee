import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the project's own files are, from src/ (tsx) and from dist/ (the compiled CLI) alike: both sit one
 * level below the project folder. Kept free of dependencies, so that `seslip-kg --help` loads nothing heavy.
 */

/** The project folder (where package.json is), whatever the current folder of the process. */
export const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * A path setting such as NEO4J_EMBEDDED_DIR or SEED_DIR, resolved against the project folder: run from a
 * subfolder, the CLI must find the same graph and seed, not create a second graph there.
 */
export function projectPath(setting: string): string {
  return resolve(projectDir, setting);
}

/**
 * Files that are used as they are, not compiled (the workbench pages, the embedded Neo4j's Java project):
 * they stay in src/, and the compiled code in dist/ finds them there.
 */
export function sourceAssetPath(...segments: string[]): string {
  return resolve(projectDir, 'src', ...segments);
}

/**
 * Reads the project's `.env` into process.env, if there is one. Variables already set in the environment
 * win, so `PORT=4001 npm start` overrides the file.
 */
export function loadDotEnv(file: string = resolve(projectDir, '.env')): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
