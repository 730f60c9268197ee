import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { MAX_UPDATE_BYTES, parseUpdate, parseUpdateFile, UpdateParseError } from '../../src/parse/index.js';
import { repoPath } from './helpers.js';

/** The command as the CLI runs it (commander parses the arguments). */
const run = (args: string[]): Promise<number> => main(['parse', ...args]);

const dir = mkdtempSync(join(tmpdir(), 'seslip-parse-'));
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const GOOD = repoPath('seed/update-518-2022-08-12.txt');

const BAD: [string, () => string, string, number][] = [
  ['an empty file', () => file('empty.txt', ''), 'EMPTY', 0],
  ['a file of blank lines and a BOM', () => file('blank.txt', '\uFEFF\n  \n\n'), 'EMPTY', 0],
  [
    'text without a headline',
    () => file('letter.txt', '\nDear colleagues,\nnothing here.\n'),
    'NO_HEADLINE',
    2,
  ],
  [
    'a headline whose date cannot be read',
    () => file('baddate.txt', 'UPDATE NO 518 31 Smarch 2022\n\nItem\n'),
    'BAD_HEADLINE',
    1,
  ],
  [
    'binary data',
    () => file('binary.txt', Buffer.from('UPDATE NO 1 1 May 2020\nok\n\0\x01\x02')),
    'BINARY',
    3,
  ],
  [
    'invalid UTF-8',
    () => file('latin1.txt', Buffer.from('UPDATE NO 1 1 May 2020\n\nCaf\xe9\n', 'latin1')),
    'INVALID_UTF8',
    3,
  ],
  ['a file over 5 MB', () => file('huge.txt', 'x'.repeat(MAX_UPDATE_BYTES + 1)), 'TOO_LARGE', 0],
  ['a missing file', () => join(dir, 'missing.txt'), 'UNREADABLE', 0],
];

describe.each(BAD)('parseUpdateFile on %s', (_label, make, code, line) => {
  it(`throws UpdateParseError ${code} naming the file and line ${line}`, async () => {
    const path = make();
    const error = await parseUpdateFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpdateParseError);
    expect(error).toMatchObject({ file: path, line, code });
    expect((error as Error).message.startsWith(line > 0 ? `${path}:${line}: ` : `${path}: `)).toBe(true);
  });
});

describe('parseUpdate on strings', () => {
  it('refuses the same bad input given as text', () => {
    expect(() => parseUpdate('', 'x.txt')).toThrow(UpdateParseError);
    expect(() => parseUpdate('UPDATE NO 1 1 May 2020\n\0', 'x.txt')).toThrow(/x\.txt:2: binary/);
    expect(() => parseUpdate('Hello', 'x.txt')).toThrow(/x\.txt:1: not an Update/);
    expect(() => parseUpdate('UPDATE NO 0 1 May 2020', 'x.txt')).toThrow(/positive integer/);
  });
});

describe('parse command', () => {
  const output = { out: '', err: '' };
  const capture = () => {
    output.out = output.err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((output.out += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((output.err += String(chunk)), true));
  };
  afterEach(() => vi.restoreAllMocks());

  it.each(BAD)(
    'exits 1 on %s while a good file in the same call is still summarised',
    async (_label, make, code) => {
      const path = make();
      capture();
      expect(await run([path, GOOD])).toBe(1);
      expect(output.err).toContain(path);
      expect(output.err).toContain(code);
      expect(output.out).toContain('Update no 518, 2022-08-12');
    },
  );

  it('prints one JSON document for one file and an array for several', async () => {
    capture();
    expect(await run([GOOD, '--json'])).toBe(0);
    expect(JSON.parse(output.out)).toMatchObject({ issue: { number: 518 } });
    capture();
    expect(await run([GOOD, file('empty2.txt', ''), GOOD, '--json'])).toBe(1);
    expect((JSON.parse(output.out) as unknown[]).length).toBe(2);
  });

  it('summarises counts and warnings with line numbers', async () => {
    capture();
    await run([GOOD]);
    expect(output.out).toContain(
      'items 5 (main 2, network-dates 1, reminders 2), meetings 10, publications 28, contacts 16, tables 1',
    );
    expect(output.out).toContain('line 46: "Tuesday 15 September"');
    expect(output.out).toContain('Update no 518, 2022-08-12, layout workstreams');
  });

  it('prints usage and exits 2 without files or with an unknown option', async () => {
    capture();
    expect(await run([])).toBe(2);
    expect(await run([GOOD, '--yaml'])).toBe(2);
    expect(output.err).toContain('usage: seslip-kg parse');
  });
});
