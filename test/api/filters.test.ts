import { describe, expect, it } from 'vitest';
import { data, graphql, names, useSeededApi, type Json } from './helpers.js';

/** Every filter argument of the root lists, and the Date scalar's refusal of dates that do not exist. */

const api = useSeededApi();

const numbers = (connection: Json): number[] => connection.edges.map((edge: Json) => edge.node.number);
const titles = (connection: Json): string[] => connection.edges.map((edge: Json) => edge.node.title);

describe('issues', () => {
  // The five seeds' dates (line 1 of each): 330 2018-11-30, 412 2020-07-17, 451 2021-04-30, 515 2022-07-22, 518 2022-08-12.
  it('lists all five Updates, newest first', async () => {
    const { issues } = await data(api.app, '{ issues { totalCount edges { node { number date } } } }');
    expect(issues.totalCount).toBe(5);
    expect(issues.edges.map((edge: Json) => [edge.node.number, edge.node.date])).toEqual([
      [518, '2022-08-12'],
      [515, '2022-07-22'],
      [451, '2021-04-30'],
      [412, '2020-07-17'],
      [330, '2018-11-30'],
    ]);
  });

  it('filters by date range, bounds included', async () => {
    const result = await data(
      api.app,
      `{ since2021: issues(from: "2021-01-01") { edges { node { number } } }
         before2021: issues(to: "2020-12-31") { edges { node { number } } }
         between: issues(from: "2020-07-17", to: "2021-04-30") { totalCount edges { node { number } } }
         none: issues(from: "2023-01-01") { totalCount edges { node { number } } } }`,
    );
    expect(numbers(result.since2021)).toEqual([518, 515, 451]);
    expect(numbers(result.before2021)).toEqual([412, 330]);
    expect(numbers(result.between)).toEqual([451, 412]);
    expect(result.none).toEqual({ totalCount: 0, edges: [] });
  });

  it('filters by number, and issue(number) finds one', async () => {
    const result = await data(
      api.app,
      `{ issues(number: 515) { totalCount edges { node { number date truncated } } }
         missing: issues(number: 999) { totalCount }
         issue(number: 451) { date truncated }
         nothing: issue(number: 999) { date } }`,
    );
    expect(result.issues).toEqual({
      totalCount: 1,
      edges: [{ node: { number: 515, date: '2022-07-22', truncated: false } }],
    });
    expect(result.missing.totalCount).toBe(0);
    // 451 ends mid-list (451:151): the parser flags it truncated.
    expect(result.issue).toEqual({ date: '2021-04-30', truncated: true });
    expect(result.nothing).toBeNull();
  });
});

describe('reports', () => {
  it('by publisher, given as the alias "DfE": 19 reports, all published by the Department for Education', async () => {
    const { reports } = await data(
      api.app,
      '{ reports(publisher: "DfE", first: 100) { totalCount edges { node { title publisher { name } } } } }',
    );
    // 518:102-146 (11), 515:205 (1), 451:115, 127, 137, 141, 145 (5), 412:146, 148 (2).
    expect(reports.totalCount).toBe(19);
    expect(new Set(reports.edges.map((edge: Json) => edge.node.publisher.name))).toEqual(
      new Set(['Department for Education']),
    );
    const spelledOut = await data(
      api.app,
      '{ reports(publisher: "department for education", first: 100) { totalCount } }',
    );
    expect(spelledOut.reports.totalCount).toBe(19);
  });

  it('by publisher and date: DfE’s three publications of 30 June 2022 (518:120-124)', async () => {
    const { reports } = await data(
      api.app,
      '{ reports(publisher: "DfE", from: "2022-06-30", to: "2022-06-30") { totalCount edges { node { title publishedOn } } } }',
    );
    expect(reports.totalCount).toBe(3);
    expect(titles(reports).sort()).toEqual([
      'Local authority school places scorecards for 2020/21',
      'guidance on Schools Causing Concern',
      'guidance on virtual school head role extension to children with a social worker',
    ]);
  });

  it('by date range: 6-8 July 2022 holds five publications, newest first (518:104-112)', async () => {
    const { reports } = await data(
      api.app,
      '{ reports(from: "2022-07-06", to: "2022-07-08") { totalCount edges { node { title publishedOn publisher { name } } } } }',
    );
    expect(reports.totalCount).toBe(5);
    expect(reports.edges[0].node).toMatchObject({
      title:
        'Educational Poverty: how children in residential care have been let down and what to do about it',
      publishedOn: '2022-07-08',
    });
    const dates = reports.edges.map((edge: Json) => edge.node.publishedOn);
    expect(dates).toEqual(['2022-07-08', '2022-07-07', '2022-07-07', '2022-07-06', '2022-07-06']);
    expect(titles(reports)).toContain(
      'Form and function: exploring structural change in children’s services',
    );
  });

  it('by text in the title, any case', async () => {
    const result = await data(
      api.app,
      `{ scorecards: reports(text: "scorecards") { totalCount edges { node { title publishedOn } } }
         trauma: reports(text: "childhood TRAUMA") { edges { node { title publisher { name } authors { edges { node { name } } } } } }
         none: reports(text: "no such words anywhere") { totalCount } }`,
    );
    // 518:122 (30 June 2022) and 412:148 (25 June 2020).
    expect(result.scorecards.edges.map((edge: Json) => edge.node)).toEqual([
      { title: 'Local authority school places scorecards for 2020/21', publishedOn: '2022-06-30' },
      { title: 'Local authority school places scorecards 2019', publishedOn: '2020-06-25' },
    ]);
    // 518:118 "UK Trauma Council published CHILDHOOD TRAUMA, THE BRAIN AND THE SOCIAL WORLD by Prof. Eamon McCrory"
    expect(result.trauma.edges).toEqual([
      {
        node: {
          title: 'CHILDHOOD TRAUMA, THE BRAIN AND THE SOCIAL WORLD',
          publisher: { name: 'UK Trauma Council' },
          authors: { edges: [{ node: { name: 'Eamon McCrory' } }] },
        },
      },
    ]);
    expect(result.none.totalCount).toBe(0);
  });

  it('report(title) finds one by its title in any case', async () => {
    const { report } = await data(
      api.app,
      '{ report(title: "key stage 2 ATTAINMENT 2022 national headlines") { title publishedOn publisher { name } } }',
    );
    // 515:169, 518:114
    expect(report).toEqual({
      title: 'Key Stage 2 attainment 2022 national headlines',
      publishedOn: '2022-07-05',
      publisher: { name: 'Department for Education' },
    });
  });
});

describe('items', () => {
  it('by section: the three "Future dates for network meetings" items (451:58, 515:81, 518:41)', async () => {
    const { items } = await data(
      api.app,
      '{ items(section: "network-dates") { totalCount edges { node { title section issue { number } } } } }',
    );
    expect(
      items.edges.map((edge: Json) => [edge.node.issue.number, edge.node.title, edge.node.section]),
    ).toEqual([
      [518, 'Future dates for network meetings', 'network-dates'],
      [515, 'Future dates for network meetings', 'network-dates'],
      [451, 'Future dates for network meetings', 'network-dates'],
    ]);
  });

  it('by section and date: the reminders of Update 330 (330:132 onwards: 330:135, 167, 179)', async () => {
    const { items } = await data(
      api.app,
      '{ items(section: "reminders", from: "2018-01-01", to: "2018-12-31") { totalCount edges { node { title date } } } }',
    );
    expect(titles(items)).toEqual([
      'Diary Dates for 2019-20 Regional Improvement Planning',
      'Self-assessments by Monday 17 December and Independent Commentary “opt-in”',
      'Complex LAC and Edge of Care Project – Progress Report',
    ]);
    expect(new Set(items.edges.map((edge: Json) => edge.node.date))).toEqual(new Set(['2018-11-30']));
  });

  it('by date range: 2022 holds the 9 items of 515 and the 5 of 518, newest Update first, in Update order', async () => {
    const { items } = await data(
      api.app,
      '{ items(from: "2022-01-01", first: 100) { totalCount edges { node { title issue { number } } } } }',
    );
    expect(items.totalCount).toBe(14);
    const issues = items.edges.map((edge: Json) => edge.node.issue.number);
    expect(issues).toEqual([...Array(5).fill(518), ...Array(9).fill(515)]);
    expect(items.edges[0].node.title).toBe(
      'Pre-proceedings and family justice hub – Research in Practice Toolkit published', // 518:19
    );
    expect(items.edges[5].node.title).toBe('New SESLIP MoU issued'); // 515:21
  });

  it('by text, any case, in title or body', async () => {
    const result = await data(
      api.app,
      `{ fieldwork: items(text: "FIELDWORK") { edges { node { title issue { number } } } }
         iow: items(text: "isle of wight") { totalCount edges { node { issue { number } } } }
         title: items(text: "ks2 national") { edges { node { title } } } }`,
    );
    // 515:57 "It includes fieldwork from Isle of Wight …"
    expect(result.fieldwork.edges).toEqual([
      {
        node: {
          title: 'LGA report – Form and function: exploring structural change in children’s services',
          issue: { number: 515 },
        },
      },
    ]);
    // 518:91 (the ILACS table row), 515:57, 412:45, 412:83; 330:156 writes "IoW".
    expect(result.iow.edges.map((edge: Json) => edge.node.issue.number)).toEqual([518, 515, 412, 412]);
    expect(titles(result.title)).toEqual(['KS2 national headlines for 2022']); // 515:109
  });
});

describe('people', () => {
  it('by organisation (alias "SESLIP"): the ten listed with the South East Sector-Led Improvement Programme', async () => {
    const { people } = await data(
      api.app,
      '{ people(organisation: "SESLIP", first: 100) { totalCount edges { node { name } } } }',
    );
    // 518:157-223 (nine in brackets of the Programme) and Luke Ede (330:214, 412:180).
    expect(names(people)).toEqual([
      'Chris Owen',
      'Helen Watson',
      'Isabelle Gregory',
      'Krista Pickering',
      'Luke Ede',
      'Mark Evans',
      'Martin Tuck',
      'Rebecca Eligon',
      'Richard Tyndall',
      'Sheelagh Sullivan',
    ]);
  });

  it('by authority: Hampshire → Amanda Meadows (518:162), IoW → Carly Bain (518:167), East Sussex → Luke Ede (518:152)', async () => {
    const result = await data(
      api.app,
      `{ hampshire: people(authority: "Hampshire") { edges { node { name } } }
         iow: people(authority: "IoW") { edges { node { name } } }
         eastSussex: people(authority: "east sussex") { edges { node { name } } }
         brighton: people(authority: "Brighton & Hove") { edges { node { name } } } }`,
    );
    expect(names(result.hampshire)).toEqual(['Amanda Meadows']);
    expect(names(result.iow)).toEqual(['Carly Bain']);
    expect(names(result.eastSussex)).toEqual(['Luke Ede']);
    expect(names(result.brighton)).toEqual(['Daryl Perilli']); // 518:177
  });

  it('by network (names and aliases): QA Network, Data Benchmarking, Fostering Network', async () => {
    const result = await data(
      api.app,
      `{ qa: people(network: "QA Network") { edges { node { name } } }
         benchmarking: people(network: "Data Benchmarking") { edges { node { name } } }
         fostering: people(network: "fostering network") { edges { node { name } } } }`,
    );
    expect(names(result.qa)).toEqual(['Amanda Meadows']); // 518:56, 518:162
    expect(names(result.benchmarking)).toEqual(['Alastair Lee', 'Luke Ede']); // 518:46, 330:214
    expect(names(result.fostering)).toEqual(['Rebecca Eligon']); // 518:58
  });

  it('by a network no name fits: an error listing the candidates, not an empty list', async () => {
    const result = await graphql(api.app, '{ people(network: "No Such Network") { totalCount } }');
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(result.errors?.[0]?.message).toMatch(/^no network is named "No Such Network"; did you mean "/);
    expect(result.errors?.[0]?.extensions?.candidates).toContain('Fostering Network');
  });

  it('filters combine: SESLIP staff who are the contact for AD Safeguarding', async () => {
    const { people } = await data(
      api.app,
      '{ people(organisation: "SESLIP", network: "AD Safeguarding") { edges { node { name } } } }',
    );
    expect(names(people)).toEqual(['Mark Evans']); // 518:54, 518:200
  });
});

describe('meetings', () => {
  it('by network alias: "QA Network" has one; the Fostering Network two, soonest first', async () => {
    const result = await data(
      api.app,
      `{ qa: meetings(network: "QA Network") { edges { node { date time network { name } } } }
         fostering: meetings(network: "SE Fostering Network") { edges { node { date time } } } }`,
    );
    // 515:97, 518:56
    expect(result.qa.edges).toEqual([
      { node: { date: '2022-09-14', time: '2pm', network: { name: 'SE Quality Assurance Network' } } },
    ]);
    // 451:75 "Fostering Network: 10.30am 19 July 2021"; 518:58 "Wednesday 19 October 10-11.30am"
    expect(result.fostering.edges).toEqual([
      { node: { date: '2021-07-19', time: '10.30am' } },
      { node: { date: '2022-10-19', time: '10-11.30am' } },
    ]);
  });

  it('by date range: seven network meetings in September 2022 (518:44-64)', async () => {
    const { meetings } = await data(
      api.app,
      '{ meetings(from: "2022-09-01", to: "2022-09-30") { totalCount edges { node { date network { name } } } } }',
    );
    expect(meetings.edges.map((edge: Json) => [edge.node.date, edge.node.network.name])).toEqual([
      ['2022-09-09', 'AD Safeguarding Network'], // 518:54
      ['2022-09-12', 'Early Help Network'], // 518:62
      ['2022-09-13', 'Family Hubs Community of Practice'], // 518:64
      ['2022-09-14', 'SE Quality Assurance Network'], // 518:56
      ['2022-09-14', 'SEND SE19'], // 518:60
      ['2022-09-15', 'Data Benchmarking Network'], // 518:46
      ['2022-09-30', 'Lead Members Group'], // 518:44
    ]);
  });

  it('by network and date together: the Fostering Network in 2021 only', async () => {
    const { meetings } = await data(
      api.app,
      '{ meetings(network: "Fostering Network", from: "2021-01-01", to: "2021-12-31") { edges { node { date } } } }',
    );
    expect(meetings.edges).toEqual([{ node: { date: '2021-07-19' } }]);
  });
});

describe('localAuthorities', () => {
  it('seslip: true lists the 19 SESLIP authorities, the six triads of 330:152-162', async () => {
    const { localAuthorities } = await data(
      api.app,
      '{ localAuthorities(seslip: true, first: 100) { totalCount edges { node { name seslip } } } }',
    );
    expect(localAuthorities.totalCount).toBe(19);
    expect(names(localAuthorities).sort()).toEqual(
      [
        ...['East Sussex', 'Surrey', 'Wokingham'],
        ...['Kent', 'Reading', 'Portsmouth'],
        ...['Hampshire', 'Isle of Wight', 'Milton Keynes', 'Slough'],
        ...['Medway', 'Oxfordshire', 'Windsor and Maidenhead'],
        ...['Brighton and Hove', 'Buckinghamshire', 'West Berkshire'],
        ...['Bracknell Forest', 'Southampton', 'West Sussex'],
      ].sort(),
    );
    expect(localAuthorities.edges.every((edge: Json) => edge.node.seslip === true)).toBe(true);
  });

  it('seslip: false lists the others named, such as Hertfordshire (330:92) and Essex (518:26)', async () => {
    const result = await data(
      api.app,
      `{ others: localAuthorities(seslip: false, first: 100) { totalCount edges { node { name seslip } } }
         all: localAuthorities(first: 100) { totalCount } }`,
    );
    expect(names(result.others)).toEqual(
      expect.arrayContaining(['Essex', 'Hertfordshire', 'Leeds', 'North Yorkshire']),
    );
    expect(result.others.edges.every((edge: Json) => edge.node.seslip === false)).toBe(true);
    expect(result.all.totalCount).toBe(19 + result.others.totalCount);
  });
});

describe('the Date scalar', () => {
  it('refuses a date that does not exist, naming the value', async () => {
    const result = await graphql(api.app, '{ issues(from: "2022-13-40") { totalCount } }');
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.message).toContain('"2022-13-40"');
    expect(result.errors![0]!.message).toMatch(/YYYY-MM-DD/);
  });

  it('refuses 30 February rather than rolling it over to March, also as a variable', async () => {
    const literal = await graphql(api.app, '{ meetings(from: "2022-02-30") { totalCount } }');
    expect(literal.errors?.[0]?.message).toContain('"2022-02-30"');
    const variable = await graphql(
      api.app,
      'query ($to: Date) { reports(to: $to) { totalCount } }',
      { to: '2021-02-29' },
      {},
      400,
    );
    expect(variable.errors?.[0]?.message).toContain('"2021-02-29"');
  });

  it('refuses other shapes, and accepts a leap day', async () => {
    for (const bad of ['2022-7-5', '05/07/2022', '2022-07-05T00:00:00Z', '']) {
      const result = await graphql(
        api.app,
        'query ($from: Date) { issues(from: $from) { totalCount } }',
        { from: bad },
        {},
        400,
      );
      expect(result.errors?.[0]?.message, bad).toContain(JSON.stringify(bad));
    }
    const leap = await data(
      api.app,
      '{ issues(from: "2020-02-29", to: "2020-12-31") { edges { node { number } } } }',
    );
    expect(numbers(leap.issues)).toEqual([412]);
  });
});
