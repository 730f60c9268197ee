import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { extractGraph } from '../../src/extract/extract.js';
import { proposeNames } from '../../src/extract/name-reader.js';
import type { EdgeRecord, GraphRecords, NodeRecord } from '../../src/extract/records.js';
import { issueKey, itemKey } from '../../src/extract/records.js';
import { type Resolver } from '../../src/extract/resolve.js';
import { loadResolver } from '../../src/load/reference.js';
import { parseUpdate } from '../../src/parse/index.js';
import { parseOptions, repoPath, SEEDS, seedText } from '../parse/helpers.js';

/** The command as the CLI runs it (commander parses the arguments). */
const run = (args: string[]): Promise<number> => main(['extract', ...args]);

/** Every expectation below was checked against the seed text, at the line cited. */

let resolver: Resolver;
const graphs = new Map<string, GraphRecords>();

beforeAll(async () => {
  resolver = await loadResolver();
  for (const seed of SEEDS) graphs.set(seed, await extract(seed));
});

/** As the CLI and ingest read a seed: the statistical reader's proposals, then the rules. */
async function extract(seed: string): Promise<GraphRecords> {
  const doc = parseUpdate(seedText(seed), `seed/${seed}.txt`, parseOptions);
  return extractGraph(doc, resolver, await proposeNames(doc));
}
const graphOf = (issue: number): GraphRecords => graphs.get(SEEDS.find((s) => s.includes(`-${issue}-`))!)!;

function node(g: GraphRecords, label: string, key: string): NodeRecord | undefined {
  return g.nodes.find((n) => n.label === label && n.key === key);
}

function edges(g: GraphRecords, type: string, from: string, to: string): EdgeRecord[] {
  return g.edges.filter((e) => e.type === type && e.from.key === from && e.to.key === to);
}

describe('seed 518 (12 August 2022)', () => {
  const g = () => graphOf(518);

  it('reads the Fostering Network meeting of 19 October with its contact (line 58)', () => {
    const meeting = node(g(), 'Meeting', 'fostering network@2022-10-19');
    expect(meeting?.props).toMatchObject({
      date: '2022-10-19',
      time: '10-11.30am',
      title: 'Fostering Network',
    });
    expect(edges(g(), 'CONTACT', 'fostering network@2022-10-19', 'rebecca eligon')).toHaveLength(1);
    const holds = edges(g(), 'HOLDS', 'fostering network', 'fostering network@2022-10-19');
    expect(holds).toHaveLength(1);
    expect(holds[0]?.evidence).toEqual({
      source: itemKey(518, 3),
      quote:
        'Fostering Network: Wednesday 19 October 10-11.30am More from Rebecca Eligon (contact details below)',
      date: '2022-08-12',
    });
    expect(edges(g(), 'ANNOUNCED_IN', 'fostering network@2022-10-19', itemKey(518, 3))).toHaveLength(1);
  });

  it('places Amanda Meadows in Hampshire and makes her the QA Network contact (lines 56, 162)', () => {
    expect(edges(g(), 'BASED_AT', 'amanda meadows', 'hampshire')).toHaveLength(1);
    const contactFor = edges(g(), 'CONTACT_FOR', 'amanda meadows', 'se quality assurance network');
    // Once from her role in the contact list, once from "QA Network: … More from Amanda Meadows".
    expect(contactFor.map((e) => e.evidence.source).sort()).toEqual([itemKey(518, 3), issueKey(518)]);
  });

  it('reads Key Stage 2 attainment 2022 national headlines as published by DfE on 5 July (line 114)', () => {
    const key = 'key stage 2 attainment 2022 national headlines';
    expect(node(g(), 'Report', key)?.props).toMatchObject({
      title: 'Key Stage 2 attainment 2022 national headlines',
      publishedOn: '2022-07-05',
      verb: 'published',
    });
    const [published] = edges(g(), 'PUBLISHED_BY', key, 'department for education');
    expect(published?.evidence.quote).toBe(
      'On 5 July DfE published Key Stage 2 attainment 2022 national headlines',
    );
    expect(node(g(), 'Organisation', 'department for education')?.props).toMatchObject({
      name: 'Department for Education',
      aliases: expect.arrayContaining(['DfE']),
    });
  });

  it('reads Oxfordshire’s ILACS1 inspection from the table (line 87)', () => {
    const [inspected, ...others] = edges(g(), 'INSPECTED', 'oxfordshire', 'ofsted');
    expect(others).toEqual([]);
    expect(inspected?.key).toBe('ILACS1@2022-07-29');
    expect(inspected?.props).toEqual({
      framework: 'ILACS1',
      grade: 'Good',
      daysWaited: 1565,
      nationalRank: 13,
      asAt: '2022-07-29',
    });
    expect(inspected?.evidence).toMatchObject({
      source: itemKey(518, 5),
      quote: '1 Oxfordshire ILACS1 Good 1565 13',
    });
    expect(g().edges.filter((e) => e.type === 'INSPECTED')).toHaveLength(6);
  });

  it('files Philip (Phil) Simpkins as one person, Philip Simpkins, working for the LGA (line 210)', () => {
    const people = g().nodes.filter((n) => n.label === 'Person' && String(n.props.name).includes('Simpkins'));
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({
      key: 'philip simpkins',
      props: { name: 'Philip Simpkins' },
      listProps: ['variants'],
    });
    expect(people[0]?.props.variants).toEqual(
      expect.arrayContaining(['Phil Simpkins', 'Philip (Phil) Simpkins']),
    );
    expect(edges(g(), 'WORKS_FOR', 'philip simpkins', 'local government association')).toHaveLength(1);
  });

  it('reads the networks named in contact roles (lines 172, 200, 213, 223)', () => {
    const networksOf = (person: string) =>
      g()
        .edges.filter(
          (e) => e.type === 'CONTACT_FOR' && e.from.key === person && e.evidence.source === issueKey(518),
        )
        .map((e) => e.to.key);
    expect(networksOf('rebecca eligon')).toEqual([
      'adoption and special guardianship leadership board',
      'early help network',
      'fostering network',
      'kinship network',
    ]);
    expect(networksOf('mark evans')).toEqual(['ad safeguarding network', 'psw and workforce network']);
    expect(networksOf('chris owen')).toEqual(['ad education network']);
    expect(networksOf('sheelagh sullivan')).toEqual(['send se19']);
    // "Service Manager, Early Help, …" names a service, not the Early Help network.
    expect(networksOf('carly bain')).toEqual([]);
  });

  it('reads authors: "by Prof. Eamon McCrory" and "briefing from Dr Camilla Parker" (lines 118, 144)', () => {
    expect(
      edges(g(), 'AUTHORED_BY', 'childhood trauma the brain and the social world', 'eamon mccrory'),
    ).toHaveLength(1);
    const briefing =
      'liberty protection safeguards and the draft code of practice considerations for consultation';
    expect(edges(g(), 'AUTHORED_BY', briefing, 'camilla parker')).toHaveLength(1);
    expect(node(g(), 'Report', briefing)?.props.kind).toBe('briefing');
    expect(g().edges.filter((e) => e.type === 'PUBLISHED_BY' && e.from.key === briefing)).toEqual([]);
  });

  it('cites the hub announced in item 1 and the Home Office response in item 2 (lines 22, 32)', () => {
    const cited = (item: number) =>
      g()
        .edges.filter((e) => e.type === 'CITES' && e.from.key === itemKey(518, item))
        .map((e) => e.to.key);
    expect(cited(1)).toEqual([
      'open access resource hub to support family centred practice and decision making in pre proceedings',
    ]);
    expect(cited(2)).toContain(
      'response to the recommendations of the independent inquiry into child sexual abuse report on child sexual exploitation by organised networks',
    );
  });

  it('reads the item with its position, section, lines and body', () => {
    expect(node(g(), 'Item', itemKey(518, 4))?.props).toMatchObject({
      issueNumber: 518,
      position: 4,
      title: 'New SESLIP MoU issued',
      section: 'reminders',
      lineStart: 67,
      date: '2022-08-12',
    });
    const [hasItem] = edges(g(), 'HAS_ITEM', issueKey(518), itemKey(518, 4));
    expect(hasItem?.props).toEqual({ position: 4, section: 'reminders' });
    expect(hasItem?.evidence.quote).toBe('New SESLIP MoU issued');
  });

  it('mentions Essex County Council as the authority Essex (line 25)', () => {
    const [mention] = edges(g(), 'MENTIONS', itemKey(518, 1), 'essex');
    expect(mention?.to.label).toBe('LocalAuthority');
    expect(mention?.props).toEqual({ written: 'Essex County Council' });
  });
});

describe('seed 330 (30 November 2018)', () => {
  const g = () => graphOf(330);

  it('reads Triad 2 on 4 February 2019 as involving Kent, Reading and Portsmouth (line 154)', () => {
    const involved = g()
      .edges.filter((e) => e.type === 'INVOLVES' && e.from.key === 'triad 2@2019-02-04')
      .map((e) => e.to);
    expect(involved).toEqual([
      { label: 'LocalAuthority', key: 'kent' },
      { label: 'LocalAuthority', key: 'portsmouth' },
      { label: 'LocalAuthority', key: 'reading' },
    ]);
    expect(node(g(), 'Meeting', 'triad 2@2019-02-04')?.props).toMatchObject({
      date: '2019-02-04',
      title: 'Triad 2',
    });
  });

  it('mentions Ofsted where the Update misspells it "Oftsed" (line 20)', () => {
    const [mention] = edges(g(), 'MENTIONS', itemKey(330, 1), 'ofsted');
    expect(mention?.props).toEqual({ written: 'Oftsed' });
  });

  it('mentions people introduced "(contact details below)" and by given name alone (lines 114, 170, 194)', () => {
    expect(edges(g(), 'MENTIONS', itemKey(330, 8), 'alison rendle')).toHaveLength(1);
    expect(edges(g(), 'MENTIONS', itemKey(330, 11), 'rosemary perry')).toHaveLength(1);
    const [isabelle] = edges(g(), 'MENTIONS', itemKey(330, 10), 'isabelle gregory');
    expect(isabelle?.props).toEqual({ written: 'Isabelle' });
  });

  it('has the AD Education Network hold its 2019 meetings (lines 118-122)', () => {
    const held = g().edges.filter((e) => e.type === 'HOLDS' && e.from.key === 'ad education network');
    expect(held.map((e) => e.to.key)).toContain('ad education network@2019-06-07');
  });
});

describe('seed 412 (17 July 2020)', () => {
  it('resolves the publisher "Oftsed" to Ofsted (line 140)', () => {
    const g = graphOf(412);
    const [published] = edges(
      g,
      'PUBLISHED_BY',
      'main findings childrens social care in england 2020',
      'ofsted',
    );
    expect(published?.evidence.quote).toBe(
      'Main Findings: Children’s Social Care in England 2020 published 7 July 2020 by Oftsed',
    );
    expect(g.nodes.filter((n) => n.label === 'Organisation' && /oft?sted/i.test(n.key))).toHaveLength(1);
    expect(
      edges(g, 'CITES', itemKey(412, 1), 'main findings childrens social care in england 2020'),
    ).toHaveLength(1);
  });
});

describe('seed 451 (30 April 2021)', () => {
  it('keeps "More information from" as CONTACT_FOR when the meeting has no date (line 73)', () => {
    const g = graphOf(451);
    expect(
      g.nodes.some((n) => n.label === 'Meeting' && n.key.startsWith('se quality assurance network@')),
    ).toBe(false);
    expect(edges(g, 'CONTACT_FOR', 'amanda meadows', 'se quality assurance network')).toHaveLength(1);
  });

  it('warns about a publisher read only in part (line 119)', () => {
    const g = graphOf(451);
    expect(g.warnings).toContainEqual({
      line: 119,
      message: 'publisher "CPAG and others" read as Child Poverty Action Group',
    });
    expect(
      edges(
        g,
        'PUBLISHED_BY',
        'it feels as though my third child doesnt matter',
        'child poverty action group',
      ),
    ).toHaveLength(1);
  });
});

describe('seed 515 (22 July 2022)', () => {
  it('cites the report an item announces in its body (line 111)', () => {
    expect(
      edges(graphOf(515), 'CITES', itemKey(515, 7), 'key stage 2 attainment 2022 national headlines'),
    ).toHaveLength(1);
  });
});

describe('Luke Ede across the Updates', () => {
  it.each([
    [330, 'Data Benchmarking'],
    [412, 'Data Benchmarking'],
    [515, 'Data and Information Manager'],
    [518, 'Data and Information Manager'],
  ])('is LISTED_IN issue %i as %s', (issue, role) => {
    const [listed, ...others] = edges(graphOf(issue), 'LISTED_IN', 'luke ede', issueKey(issue));
    expect(others).toEqual([]);
    expect(listed?.props.role).toBe(role);
    expect(listed?.evidence.source).toBe(issueKey(issue));
  });
});

describe.each(SEEDS)('invariants of %s', (seed) => {
  const g = () => graphs.get(seed)!;

  it('gives every edge non-empty evidence dated with the Update', () => {
    const date = seed.slice(-10);
    for (const e of g().edges) {
      expect(e.evidence.source, `${e.type} ${e.from.key} → ${e.to.key}`).not.toBe('');
      expect(e.evidence.quote.trim(), `${e.type} ${e.from.key} → ${e.to.key}`).not.toBe('');
      expect(e.evidence.date).toBe(date);
    }
  });

  it('sources evidence to this Update’s items or issue', () => {
    const issue = g().issueNumber;
    for (const e of g().edges)
      expect(e.evidence.source).toMatch(new RegExp(`^(issue:${issue}|${issue}/\\d+)$`));
  });

  it('is deterministic', async () => {
    expect(await extract(seed)).toEqual(g());
  });

  it('has no dangling edges, duplicate nodes or duplicate edges', () => {
    const nodeIds = g().nodes.map((n) => `${n.label}:${n.key}`);
    expect(new Set(nodeIds).size).toBe(nodeIds.length);
    for (const e of g().edges) {
      expect(nodeIds).toContain(`${e.from.label}:${e.from.key}`);
      expect(nodeIds).toContain(`${e.to.label}:${e.to.key}`);
    }
    const edgeIds = g().edges.map((e) =>
      [e.type, e.from.label, e.from.key, e.to.label, e.to.key, e.key, e.evidence.source].join('|'),
    );
    expect(new Set(edgeIds).size).toBe(edgeIds.length);
  });

  it('sorts edges by type, from, to and key', () => {
    const ids = g().edges.map((e) => [
      e.type,
      `${e.from.label}:${e.from.key}`,
      `${e.to.label}:${e.to.key}`,
      e.key,
    ]);
    const sorted = [...ids].sort((a, b) =>
      a.join('\u0000') < b.join('\u0000') ? -1 : a.join('\u0000') > b.join('\u0000') ? 1 : 0,
    );
    expect(ids).toEqual(sorted);
  });
});

describe('seslip-kg extract', () => {
  it('prints the counts and the edges with their quotes', async () => {
    const out = await capture(() => run([repoPath('seed/update-518-2022-08-12.txt')]));
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^ {2}INSPECTED +6$/m);
    expect(out.stdout).toContain(
      'LocalAuthority(Oxfordshire) -INSPECTED-> Organisation(Ofsted)  «1 Oxfordshire ILACS1 Good 1565 13»',
    );
  });

  it('prints the records as JSON with --json', async () => {
    const out = await capture(() => run([repoPath('seed/update-330-2018-11-30.txt'), '--json']));
    expect(out.code).toBe(0);
    // Only the Issue's sourceFile differs: the path as given on the command line.
    expect((JSON.parse(out.stdout) as GraphRecords).edges).toEqual(graphOf(330).edges);
  });

  it('names the file and line of a file that is not an Update, and exits 1', async () => {
    const out = await capture(() => run([repoPath('package.json')]));
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/package\.json:1: not an Update/);
  });

  it('exits 2 without a file', async () => {
    expect((await capture(() => run([]))).code).toBe(2);
  });
});

async function capture(
  action: () => Promise<number>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  process.stdout.write = ((chunk: string) => ((out.stdout += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((out.stderr += chunk), true)) as typeof process.stderr.write;
  try {
    return { code: await action(), ...out };
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
  }
}
