import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/api/examples.js';
import { data, useSeededApi, type Json } from './helpers.js';

/**
 * The README's figures against the graph the five seeds give: each example question's query as the README
 * prints it, its answer (the bold totals, the answer tables, the JSON), and the graph-size table. The
 * README's text is parsed, so a figure that goes stale fails here; the fix is to copy the real one in.
 */

const api = useSeededApi();
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The README's text of one example question: from its heading (`### 3. Title`) to the next heading. */
function section(title: string): string {
  const start = README.indexOf(`. ${title}\n`);
  expect(start, `no README section "${title}"`).toBeGreaterThan(0);
  // The next heading (a `#` inside a code block is a comment, not a heading).
  const end = README.slice(start).search(/\n#{2,3} /);
  return README.slice(start, end === -1 ? undefined : start + end);
}

/** The rows of the first table in `text` whose header row starts with `header`, each a list of cells. */
function table(text: string, header: string): string[][] {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.startsWith(`| ${header}`));
  expect(first, `no table headed "${header}"`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

/** The number the README prints in bold after `before` ("mentioned in **5** items"). */
function bold(text: string, before: string): number {
  const found = new RegExp(`${before} \\*\\*(\\d+)\\*\\*`).exec(text);
  expect(found, `no "${before} **n**" in the README`).not.toBeNull();
  return Number(found![1]);
}

/** A cell the README cut short ("Educational Poverty: how children…") stands for any text it begins. */
const fits = (cell: string, text: string): boolean =>
  cell.endsWith('…') ? text.startsWith(cell.slice(0, -1)) : cell === text;

/** Compares the README's rows with the real ones cell by cell, where `…` may end a cut cell. */
function expectRows(readme: string[][], real: string[][]): void {
  const shown = readme.map((row, i) =>
    row.map((cell, j) => (fits(cell, real[i]?.[j] ?? '') ? real[i]![j] : cell)),
  );
  expect(shown).toEqual(real);
}

const run = (title: string) => {
  const example = EXAMPLES.find((e) => e.title === title);
  expect(example, title).toBeDefined();
  return data(api.app, example!.query);
};
const dash = (value: unknown): string => (value === null || value === undefined ? '—' : String(value));

describe("the README's example questions", () => {
  it('prints each query exactly as GraphiQL opens it (src/api/examples.ts)', () => {
    for (const { title, query } of EXAMPLES)
      expect(section(title), title).toContain(`\`\`\`graphql\n${query}\n\`\`\``);
  });

  it('1. which reports feed which networks: the total and the first page', async () => {
    const text = section('Which reports feed which networks');
    const { reportFeeds } = await run('Which reports feed which networks');
    expect(bold(text, '`totalCount`')).toBe(reportFeeds.totalCount);
    const real = reportFeeds.edges.map(({ node }: Json) => [
      node.network.name,
      `${node.report.title} (${dash(node.report.publisher?.name)}, ${dash(node.report.publishedOn)})`,
      node.terms.join(', '),
      node.evidence.map((e: Json) => `${e.issue.number}: ${e.item?.title ?? '(Update)'}`).join('; '),
    ]);
    // The report cell is cut inside its title: compare the title's start, then publisher and date whole.
    const readme = table(text, 'Network |').map(([network, report, terms, readIn]) => {
      const [, title, rest] = /^(.*?…?) (\([^()]+\))$/.exec(report!) ?? [];
      return [network!, title!, rest!, terms!, readIn!];
    });
    const realCut = real.map(([network, report, terms, readIn]: string[]) => {
      const [, title, rest] = /^(.*) (\([^()]+\))$/.exec(report!)!;
      return [network!, title!, rest!, terms!, readIn!];
    });
    expectRows(readme, realCut);
    // The pairs by network, most first: each network's side of the same FEEDS edges.
    const { networks } = await data(
      api.app,
      '{ networks(first: 50) { edges { node { name reports { totalCount } } } } }',
    );
    const byNetwork: [string, number][] = networks.edges
      .map(({ node }: Json) => [node.name, node.reports.totalCount])
      .filter(([, count]: [string, number]) => count > 0)
      .sort(([a, m]: [string, number], [b, n]: [string, number]) => n - m || (a < b ? -1 : 1));
    expect(byNetwork.reduce((sum, [, count]) => sum + count, 0)).toBe(reportFeeds.totalCount);
    expectRows(
      table(text, 'Network | Pairs'),
      byNetwork.map(([name, count]) => [name, String(count)]),
    );
  });

  it('2. network contacts and their authority: every network, contact, body and Update', async () => {
    const text = section('Network contacts and their authority');
    const { networks } = await run('Network contacts and their authority');
    expect(text).toContain(`; ${networks.edges.length} networks)`);
    const real = networks.edges.flatMap(({ node: network }: Json) => {
      if (network.contacts.edges.length === 0) return [[network.name, '—', '—', '—']];
      return network.contacts.edges.map(({ node: person, evidence }: Json) => {
        const bodies = [...person.localAuthorities.edges, ...person.organisations.edges].map(
          (e: Json) => e.node.name,
        );
        const numbers: number[] = evidence.map((e: Json) => e.issue.number);
        const updates = [...new Set(numbers)].sort((a, b) => a - b);
        return [network.name, person.name, bodies.join(', ') || '—', updates.join(', ')];
      });
    });
    expectRows(table(text, 'Network | Contact'), real);
  });

  it('3. what an authority was mentioned in: the count and every item with its sentence', async () => {
    const text = section('What an authority was mentioned in');
    const { localAuthority } = await run('What an authority was mentioned in');
    expect(text).toContain(`**${localAuthority.name}**`);
    expect(bold(text, 'mentioned in')).toBe(localAuthority.mentionedIn.totalCount);
    const real = localAuthority.mentionedIn.edges.map(({ node, evidence }: Json) => [
      `${node.issue.number} (${node.issue.date})`,
      node.title,
      evidence[0]?.quote ?? '',
    ]);
    expectRows(table(text, 'Update (date)'), real);
    const meetings = localAuthority.meetings.edges.map(({ node }: Json) => `${node.title} on ${node.date}`);
    for (const meeting of meetings) expect(text.replace(/\s+/g, ' ')).toContain(meeting);
  });

  it('4. who published what: the count and every report with its date, kind and citations', async () => {
    const text = section('Who published what');
    const { organisation } = await run('Who published what');
    expect(text).toContain(
      `**${organisation.name}** published **${organisation.reports.totalCount}** reports`,
    );
    const real = organisation.reports.edges.map(({ node }: Json) => [
      dash(node.publishedOn),
      node.title,
      dash(node.kind),
      String(node.citedIn.totalCount),
    ]);
    expectRows(table(text, 'Published |'), real);
  });

  it("5. a network's meetings: the answer is the JSON the README prints", async () => {
    const text = section('A network’s meetings');
    const answer = /\*\*Answer\*\*[^\n]*\n\n```json\n([\s\S]*?)\n```/.exec(text);
    expect(answer).not.toBeNull();
    expect(JSON.parse(answer![1]!)).toEqual(await run('A network’s meetings'));
  });

  it('6. search: the number of matches and the first five, kind and score', async () => {
    const text = section('Search and graph size');
    const { search } = await run('Search and graph size');
    expect(bold(text, 'matches')).toBe(search.totalCount);
    const readme = table(text, 'Score |');
    expect(readme.map(([score, kind]) => [score, kind])).toEqual(
      search.edges.map(({ node }: Json) => [node.score.toFixed(2), node.kind]),
    );
    search.edges.forEach(({ node }: Json, i: number) => {
      const name = node.entity.name ?? node.entity.title;
      if (name !== undefined) expect(readme[i]![2]!.startsWith(name), readme[i]![2]).toBe(true);
    });
  });
});

describe("the README's graph-size table", () => {
  it('counts every label and every edge type as the seeded graph does', async () => {
    const rows = table(README.slice(README.indexOf('Graph size on the five seeds')), 'Nodes | Count');
    const counts = (label: number, count: number) =>
      Object.fromEntries(
        rows.filter((row) => row[label] !== '').map((row) => [row[label], Number(row[count])]),
      );
    const { stats } = await run('Search and graph size');
    expect(counts(0, 1)).toEqual(Object.fromEntries(stats.nodes.map((row: Json) => [row.label, row.count])));
    expect(counts(3, 4)).toEqual(Object.fromEntries(stats.edges.map((row: Json) => [row.type, row.count])));
  });
});
