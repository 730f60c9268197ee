#!/usr/bin/env node
/**
 * `npm run setup:nlp` (also npm's postinstall): the Python virtual environment of the statistical name
 * reader (nlp/names.py), in .cache/nlp/venv, with the pinned packages of nlp/requirements.txt from PyPI.
 * It does nothing when the installed set already matches the requirements (a stamp holds their digest),
 * so `npm install` stays quick after the first time. A failure is reported with the fix and does not
 * fail `npm install`: the reader refuses to start later with the same message (NLP_UNAVAILABLE).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const home = join(root, '.cache', 'nlp');
const venv = join(home, 'venv');
const python = join(venv, 'bin', 'python');
const stamp = join(home, 'installed.txt');
const requirements = join(root, 'nlp', 'requirements.txt');
const digest = createHash('sha256').update(readFileSync(requirements)).digest('hex');

function run(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw new Error(`${command} could not be run (${result.error.message})`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === digest && existsSync(python)) {
  process.exit(0);
}
try {
  console.log('seslip-kg: installing the name reader (spaCy, about 60 MB from PyPI; first time only)');
  mkdirSync(home, { recursive: true });
  rmSync(venv, { recursive: true, force: true });
  run(process.env.PYTHON ?? 'python3', ['-m', 'venv', venv]);
  run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', requirements]);
  writeFileSync(stamp, `${digest}\n`);
  console.log('seslip-kg: name reader installed in .cache/nlp/venv');
} catch (error) {
  console.error(
    `seslip-kg: the name reader could not be installed: ${error.message}. ` +
      'It needs Python 3.9+ with venv (Debian: apt-get install python3-venv) and PyPI; then run `npm run setup:nlp`.',
  );
}
