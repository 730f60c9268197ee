/**
 * Scores the parser's item titles against hand-written labels.
 *
 *   npm run score:items -- <folder>... [--verbose]
 *
 * Every `<name>.txt` under a folder that has a `<name>.labels.json` beside it is parsed; the labels
 * file holds `{ "era": "2023-2025", "layout": "friday-update", "titles": ["…"] }`, written by reading
 * the page. A found title counts as right only when it equals a labelled title (spaces normalised).
 * Prints, per era: Updates, layouts recognised, items expected / found / right / wrong / missed,
 * precision, recall and F1. `--verbose` lists every wrong and missed title.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { layoutName } from '../src/parse/document.js';
import { loadParseOptions } from '../src/load/reference.js';
import { parseUpdateFile } from '../src/parse/index.js';

const labelsFile = z.object({ era: z.string(), layout: layoutName, titles: z.array(z.string()) });

interface Tally {
  updates: number;
  layoutsRight: number;
  expected: number;
  found: number;
  right: number;
}

const normalise = (title: string): string => title.replace(/\s+/g, ' ').trim();

async function labelledFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const names = new Set(entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)));
  return [...names]
    .filter((name) => name.endsWith('.txt') && names.has(name.replace(/\.txt$/, '.labels.json')))
    .sort();
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
const fixed = (n: number): string => n.toFixed(3);

function row(era: string, t: Tally): string {
  const precision = ratio(t.right, t.found);
  const recall = ratio(t.right, t.expected);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const cells = [
    era,
    t.updates,
    `${t.layoutsRight}/${t.updates}`,
    t.expected,
    t.found,
    t.right,
    t.found - t.right,
    t.expected - t.right,
    fixed(precision),
    fixed(recall),
    fixed(f1),
  ];
  return `| ${cells.join(' | ')} |`;
}

async function main(args: string[]): Promise<number> {
  const verbose = args.includes('--verbose');
  const folders = args.filter((a) => !a.startsWith('--'));
  if (folders.length === 0) {
    process.stderr.write('usage: npm run score:items -- <folder>... [--verbose]\n');
    return 2;
  }
  const eras = new Map<string, Tally>();
  for (const folder of folders) {
    for (const file of await labelledFiles(folder)) {
      const labelsPath = file.replace(/\.txt$/, '.labels.json');
      const checked = labelsFile.safeParse(JSON.parse(await readFile(labelsPath, 'utf8')));
      if (!checked.success) {
        process.stderr.write(`error: ${labelsPath}: ${checked.error.message} [BAD_LABELS]\n`);
        return 1;
      }
      const labels = checked.data;
      const doc = await parseUpdateFile(file, await loadParseOptions());
      const expected = labels.titles.map(normalise);
      const found = doc.items.map((i) => normalise(i.title));
      const right = found.filter((t) => expected.includes(t));
      const tally = eras.get(labels.era) ?? { updates: 0, layoutsRight: 0, expected: 0, found: 0, right: 0 };
      tally.updates++;
      if (doc.issue.layout === labels.layout) tally.layoutsRight++;
      tally.expected += expected.length;
      tally.found += found.length;
      tally.right += right.length;
      eras.set(labels.era, tally);
      if (verbose) {
        const layout =
          doc.issue.layout === labels.layout ? '' : ` layout ${doc.issue.layout}≠${labels.layout}`;
        process.stdout.write(`${file}${layout}\n`);
        for (const t of found.filter((f) => !expected.includes(f))) process.stdout.write(`  wrong:  ${t}\n`);
        for (const t of expected.filter((e) => !found.includes(e))) process.stdout.write(`  missed: ${t}\n`);
      }
    }
  }
  const header =
    '| era | Updates | layout right | expected | found | right | wrong | missed | precision | recall | F1 |';
  const lines = [header, `|${' --- |'.repeat(11)}`];
  for (const era of [...eras.keys()].sort()) lines.push(row(era, eras.get(era) as Tally));
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
