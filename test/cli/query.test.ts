import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { ExitCode } from '../../src/commands/exit-code.js';
import { flattenRows } from '../../src/commands/query.js';
import type { OpenDatabase } from '../../src/db/open.js';
import { loadResolver } from '../../src/load/reference.js';
import { ingestFiles } from '../../src/load/ingest.js';
import { openEmptyTestDatabase, query } from '../support/graph.js';
import { captureCommands } from '../support/commands.js';
import { runBin } from './bin.js';

/** `seslip-kg query <file.graphql>` against the seeded test Neo4j, in-process through the app's Yoga fetch. */

const FEEDS = 'test/cli/fixtures/feeds.graphql';
let opened: OpenDatabase;
const output = captureCommands();

beforeAll(async () => {
  opened = await openEmptyTestDatabase();
  await ingestFiles(opened.db, await loadResolver(), ['seed']);
});
afterAll(async () => {
  await opened?.close();
});

interface FeedsAnswer {
  data: {
    reportFeeds: {
      totalCount: number;
      edges: {
        node: { network: { name: string }; report: { title: string }; terms: string[]; evidence: unknown[] };
      }[];
    };
  };
}

describe('seslip-kg query', () => {
  it('prints the GraphQL response as JSON, with --var typed by the declaration ($first: Int)', async () => {
    expect(await main(['query', FEEDS, '--var', 'first=3'])).toBe(0);
    const answer = JSON.parse(output.stdout) as FeedsAnswer;
    expect(answer.data.reportFeeds.edges).toHaveLength(3);
    const [{ n }] = (await query(`MATCH ()-[f:FEEDS]->() RETURN count(f) AS n`)) as [{ n: number }];
    expect(answer.data.reportFeeds.totalCount).toBe(n);
  });

  it('flattens the connection into CSV: one row per evidence entry, lists of terms in one cell', async () => {
    expect(await main(['query', FEEDS, '--var', 'first=10', '--json'])).toBe(0);
    const edges = (JSON.parse(output.stdout) as FeedsAnswer).data.reportFeeds.edges;
    output.stdout = '';
    expect(await main(['query', FEEDS, '--var', 'first=10', '--csv'])).toBe(0);
    const rows = parseCsv(output.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      'totalCount',
      'network.name',
      'report.title',
      'terms',
      'evidence.issue.number',
      'evidence.quote',
    ]);
    expect(rows).toHaveLength(edges.reduce((sum, { node }) => sum + Math.max(1, node.evidence.length), 0));
    const first = edges[0]!.node;
    expect(rows[0]).toMatchObject({
      'network.name': first.network.name,
      'report.title': first.report.title,
      terms: first.terms.join('; '),
    });
  });

  it('reports GraphQL errors on stderr with the file and path, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seslip-query-'));
    const file = join(dir, 'bad.graphql');
    writeFileSync(file, '{ reportFeeds(first: 500) { totalCount } }');
    expect(await main(['query', file])).toBe(ExitCode.failed);
    expect(output.stderr).toMatch(new RegExp(`^seslip-kg query: ${file}: .*500.*\\(at reportFeeds\\)`, 'm'));
  });
});

describe('query mistakes, answered before connecting', () => {
  // An unreachable NEO4J_URI: these answers must come before any connection (which would be exit 3).
  const env = { NEO4J_URI: 'bolt://127.0.0.1:1' };
  it('a syntax error names file, line and column (exit 1)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'seslip-query-')), 'broken.graphql');
    writeFileSync(file, '{\n  reportFeeds(first: 3 {\n    totalCount }\n}\n');
    const { code, stderr } = await runBin(['query', file], env);
    expect(code).toBe(ExitCode.failed);
    expect(stderr).toMatch(new RegExp(`^seslip-kg: ${file}:2:24: Syntax Error: .* — fix the query`, 'm'));
  });

  it('an undeclared variable, a mistyped value and --csv with --json are usage errors (exit 2)', async () => {
    const undeclared = await runBin(['query', FEEDS, '--var', 'frist=3'], env);
    expect(undeclared.code).toBe(ExitCode.usage);
    expect(undeclared.stderr.trim()).toBe(
      'seslip-kg: --var frist: the query declares no variable $frist — use one it declares: $first',
    );
    const mistyped = await runBin(['query', FEEDS, '--var', 'first=ten'], env);
    expect(mistyped.code).toBe(ExitCode.usage);
    expect(mistyped.stderr.trim()).toBe('seslip-kg: --var first=ten: $first is Int — give a whole number');
    const both = await runBin(['query', FEEDS, '--csv', '--json'], env);
    expect(both.code).toBe(ExitCode.usage);
  });
});

describe('flattenRows', () => {
  it('joins nested lists as a left join, drops edges/node/pageInfo from the names, keeps empty lists', () => {
    expect(
      flattenRows({
        networks: {
          pageInfo: { hasNextPage: false },
          edges: [
            {
              cursor: 'a',
              node: {
                name: 'A',
                aliases: ['x', 'y'],
                meetings: { edges: [{ node: { date: '1' } }, { node: { date: '2' } }] },
              },
            },
            { cursor: 'b', node: { name: 'B', aliases: [], meetings: { edges: [] } } },
          ],
        },
      }),
    ).toEqual([
      { name: 'A', aliases: 'x; y', 'meetings.date': '1' },
      { name: 'A', aliases: 'x; y', 'meetings.date': '2' },
      { name: 'B' },
    ]);
  });

  it('keeps root names when there are several roots', () => {
    expect(flattenRows({ a: { n: 1 }, b: null })).toEqual([{ 'a.n': '1' }]);
  });
});
