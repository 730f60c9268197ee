import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/db/open.js';
import { loadResolver } from '../../src/load/reference.js';
import { ingestFiles, type IngestSummary } from '../../src/load/ingest.js';
import { openEmptyTestDatabase, query } from '../support/graph.js';

/**
 * The five seed Updates ingested into the real Neo4j, then facts checked with Cypher. Each fact was
 * confirmed by reading the seed text; the comment names the file and line.
 */

let opened: OpenDatabase;
let summary: IngestSummary;

beforeAll(async () => {
  opened = await openEmptyTestDatabase();
  summary = await ingestFiles(opened.db, await loadResolver(), ['seed']);
});
afterAll(async () => {
  await opened?.close();
});

const one = async (text: string, params: Record<string, unknown> = {}) => {
  const rows = await query(text, params);
  expect(rows, text).toHaveLength(1);
  return rows[0]!;
};

describe('the five seeds in the graph', () => {
  it('loads all five Updates without failure', () => {
    expect(summary.counts).toMatchObject({ loaded: 5, failed: 0 });
  });

  it('the Fostering Network holds a meeting on 2022-10-19 with contact Rebecca Eligon (518:58)', async () => {
    const row = await one(
      `MATCH (:Network {name: 'Fostering Network'})-[:HOLDS]->(m:Meeting {date: '2022-10-19'})-[:CONTACT]->(p:Person)
       RETURN p.name AS contact, m.time AS time`,
    );
    expect(row).toEqual({ contact: 'Rebecca Eligon', time: '10-11.30am' });
  });

  it('Amanda Meadows is based at Hampshire (518:162)', async () => {
    await one(
      `MATCH (:Person {name: 'Amanda Meadows'})-[:BASED_AT]->(:LocalAuthority {name: 'Hampshire'}) RETURN 1`,
    );
  });

  it('Amanda Meadows is the contact for the SE Quality Assurance Network (518:56, 518:162)', async () => {
    await one(
      `MATCH (:Person {name: 'Amanda Meadows'})-[:CONTACT_FOR]->(:Network {name: 'SE Quality Assurance Network'}) RETURN 1`,
    );
  });

  it('"Key Stage 2 attainment 2022 national headlines" was published by DfE on 2022-07-05 (518:114)', async () => {
    const row = await one(
      `MATCH (r:Report)-[:PUBLISHED_BY]->(o:Organisation)
       WHERE toLower(r.title) = 'key stage 2 attainment 2022 national headlines'
       RETURN o.name AS publisher, r.publishedOn AS publishedOn`,
    );
    expect(row).toEqual({ publisher: 'Department for Education', publishedOn: '2022-07-05' });
  });

  it('the 2019 triad of Kent, Reading and Portsmouth meets on 2019-02-04 (330:154)', async () => {
    const row = await one(
      `MATCH (m:Meeting {date: '2019-02-04'})-[:INVOLVES]->(la:LocalAuthority)
       WITH m, collect(la.name) AS authorities
       RETURN authorities`,
    );
    expect((row.authorities as string[]).sort()).toEqual(['Kent', 'Portsmouth', 'Reading']);
  });

  it("Oxfordshire's ILACS1 grade is Good, 1565 days waited, national rank 13, as at 2022-07-29 (518:86-87)", async () => {
    const row = await one(
      `MATCH (:LocalAuthority {name: 'Oxfordshire'})-[i:INSPECTED]->(:Organisation {name: 'Ofsted'})
       RETURN i.framework AS framework, i.grade AS grade, i.daysWaited AS daysWaited, i.nationalRank AS rank, i.asAt AS asAt`,
    );
    expect(row).toEqual({
      framework: 'ILACS1',
      grade: 'Good',
      daysWaited: 1565,
      rank: 13,
      asAt: '2022-07-29',
    });
  });

  it('Slough\'s ILACS1 grade is "Requires Improvement" (518:92)', async () => {
    const row = await one(
      `MATCH (:LocalAuthority {name: 'Slough'})-[i:INSPECTED]->(:Organisation {name: 'Ofsted'}) RETURN i.grade AS grade`,
    );
    expect(row.grade).toBe('Requires Improvement');
  });

  it('"Oftsed" is resolved to Ofsted: no Oftsed node, and Ofsted published the 2020 main findings (412:140)', async () => {
    expect(await query(`MATCH (o:Organisation) WHERE toLower(o.name) = 'oftsed' RETURN o`)).toEqual([]);
    const rows = await query(
      `MATCH (r:Report)-[:PUBLISHED_BY]->(:Organisation {name: 'Ofsted'})
       WHERE r.title CONTAINS 'Social Care in England 2020' RETURN r.publishedOn AS publishedOn`,
    );
    expect(rows).toEqual([{ publishedOn: '2020-07-07' }]);
  });

  it('Luke Ede is one Person across 2018-2022, listed with the role written in each Update', async () => {
    const rows = await query(
      `MATCH (p:Person {name: 'Luke Ede'})-[l:LISTED_IN]->(i:Issue)
       RETURN i.number AS issue, l.role AS role ORDER BY issue`,
    );
    expect(rows).toEqual([
      { issue: 330, role: 'Data Benchmarking' },
      { issue: 412, role: 'Data Benchmarking' },
      { issue: 515, role: 'Data and Information Manager' },
      { issue: 518, role: 'Data and Information Manager' },
    ]);
    expect(await query(`MATCH (p:Person) WHERE p.name CONTAINS 'Ede' RETURN p.name`)).toHaveLength(1);
  });

  it("Luke Ede's contact details are on the edge: email in 515, none in 518 (515:217, 518:152-155)", async () => {
    const rows = await query(
      `MATCH (:Person {name: 'Luke Ede'})-[l:LISTED_IN]->(i:Issue) WHERE i.number IN [515, 518]
       RETURN i.number AS issue, l.email AS email, l.phone AS phone ORDER BY issue`,
    );
    expect(rows).toEqual([
      { issue: 515, email: 'luke.ede@eastsussex.gov.uk', phone: '07925 148597' },
      { issue: 518, email: null, phone: '07925 148597' },
    ]);
  });

  it('Philip (Phil) Simpkins is one person, working for the LGA (515:285, 518:210)', async () => {
    const row = await one(
      `MATCH (p:Person)-[:WORKS_FOR]->(o:Organisation) WHERE p.name CONTAINS 'Simpkins'
       RETURN p.name AS name, p.variants AS variants, o.name AS organisation`,
    );
    expect(row.name).toBe('Philip Simpkins');
    expect(row.variants).toContain('Phil Simpkins');
    expect(row.organisation).toBe('Local Government Association');
  });

  it('Carly Bain is based at the Isle of Wight (518:167)', async () => {
    await one(
      `MATCH (:Person {name: 'Carly Bain'})-[:BASED_AT]->(:LocalAuthority {name: 'Isle of Wight'}) RETURN 1`,
    );
  });

  it('Mark Evans works for SESLIP and is the contact for AD Safeguarding (518:54, 518:200)', async () => {
    await one(
      `MATCH (p:Person {name: 'Mark Evans'})-[:WORKS_FOR]->(:Organisation {name: 'South East Sector-Led Improvement Programme'})
       MATCH (p)-[:CONTACT_FOR]->(:Network {name: 'AD Safeguarding Network'}) RETURN 1`,
    );
  });

  it('Rebecca Eligon is the contact for the Fostering, Adoption and Early Help networks (518:48,58,62,213)', async () => {
    const rows = await query(
      `MATCH (:Person {name: 'Rebecca Eligon'})-[:CONTACT_FOR]->(n:Network) RETURN n.name AS network ORDER BY network`,
    );
    const networks = rows.map((r) => r.network);
    expect(networks).toEqual(
      expect.arrayContaining([
        'Adoption and Special Guardianship Leadership Board',
        'Early Help Network',
        'Fostering Network',
      ]),
    );
  });

  it('SEND SE19 meets on 2022-09-14, contact Sheelagh Sullivan, topic the Strategic Conversation (518:60)', async () => {
    const row = await one(
      `MATCH (:Network {name: 'SEND SE19'})-[:HOLDS]->(m:Meeting {date: '2022-09-14'})-[:CONTACT]->(p:Person)
       RETURN p.name AS contact, m.topic AS topic`,
    );
    expect(row.contact).toBe('Sheelagh Sullivan');
    expect(row.topic).toContain('SEND Strategic Conversation');
  });

  it('Data Benchmarking meets on 2022-09-15: day and month as written despite the wrong weekday (518:46)', async () => {
    await one(
      `MATCH (:Network {name: 'Data Benchmarking Network'})-[:HOLDS]->(m:Meeting {date: '2022-09-15'}) RETURN 1`,
    );
  });

  it('the Fostering Network also met on 2021-07-19 (451:75)', async () => {
    await one(
      `MATCH (:Network {name: 'Fostering Network'})-[:HOLDS]->(:Meeting {date: '2021-07-19'}) RETURN 1`,
    );
  });

  it("the AD Education Network's 2019 dates include 2019-06-07 and 2019-12-13 (330:120-122)", async () => {
    const rows = await query(
      `MATCH (:Network {name: 'AD Education Network'})-[:HOLDS]->(m:Meeting) WHERE m.date IN ['2019-06-07', '2019-12-13']
       RETURN m.date AS date ORDER BY date`,
    );
    expect(rows).toEqual([{ date: '2019-06-07' }, { date: '2019-12-13' }]);
  });

  it('the Regional Improvement Summit on 2019-03-22 is announced in its item of Update 330 (330:33)', async () => {
    const row = await one(
      `MATCH (m:Meeting {date: '2019-03-22'})-[:ANNOUNCED_IN]->(item:Item)<-[:HAS_ITEM]-(i:Issue)
       RETURN i.number AS issue, item.title AS title`,
    );
    expect(row).toEqual({ issue: 330, title: 'Regional Improvement Summit Friday 22 March 2019' });
  });

  it('LGA published "Form and function" on 2022-07-06, cited by its item in Update 515 (515:53-57, 515:167)', async () => {
    const row = await one(
      `MATCH (item:Item)-[:CITES]->(r:Report)-[:PUBLISHED_BY]->(:Organisation {name: 'Local Government Association'})
       WHERE r.title STARTS WITH 'Form and function' AND item.issueNumber = 515
       RETURN r.publishedOn AS publishedOn, item.title AS title`,
    );
    expect(row).toEqual({
      publishedOn: '2022-07-06',
      title: 'LGA report – Form and function: exploring structural change in children’s services',
    });
  });

  it('the "Form and function" item mentions the Isle of Wight (515:57)', async () => {
    await one(
      `MATCH (item:Item {issueNumber: 515})-[m:MENTIONS]->(:LocalAuthority {name: 'Isle of Wight'})
       WHERE item.title STARTS WITH 'LGA report' RETURN m.quotes[0] AS quote`,
    );
  });

  it('the child suicide prevention item mentions Hampshire, Isle of Wight, Southampton and Portsmouth (412:45)', async () => {
    const rows = await query(
      `MATCH (item:Item {issueNumber: 412})-[:MENTIONS]->(la:LocalAuthority)
       WHERE item.title STARTS WITH 'Highlighting an innovative'
       RETURN la.name AS name ORDER BY name`,
    );
    expect(rows.map((r) => r.name)).toEqual(['Hampshire', 'Isle of Wight', 'Portsmouth', 'Southampton']);
  });

  it('Research in Practice published the pre-proceedings hub on 2022-07-22 (518:100)', async () => {
    await one(
      `MATCH (r:Report {publishedOn: '2022-07-22'})-[:PUBLISHED_BY]->(:Organisation {name: 'Research in Practice'}) RETURN 1`,
    );
  });

  it('"Childhood trauma, the brain and the social world" is by Prof. Eamon McCrory for the UK Trauma Council (518:118)', async () => {
    await one(
      `MATCH (:Person {name: 'Eamon McCrory'})<-[:AUTHORED_BY]-(r:Report)-[:PUBLISHED_BY]->(:Organisation {name: 'UK Trauma Council'})
       WHERE toLower(r.title) CONTAINS 'childhood trauma' RETURN 1`,
    );
  });

  it('Update 451 is flagged truncated and Update 518 is dated 2022-08-12 with its items in order', async () => {
    expect(await one(`MATCH (i:Issue {number: 451}) RETURN i.truncated AS truncated`)).toEqual({
      truncated: true,
    });
    const row = await one(
      `MATCH (i:Issue {number: 518})-[h:HAS_ITEM]->(item:Item)
       WITH i, h, item ORDER BY h.position
       RETURN i.date AS date, collect(item.title)[0] AS first, count(item) AS items`,
    );
    expect(row.date).toBe('2022-08-12');
    expect(row.first).toBe('Pre-proceedings and family justice hub – Research in Practice Toolkit published');
    expect(row.items).toBeGreaterThanOrEqual(5);
  });

  it('Lucy Butler and Cate Duffy are the DCSs of Oxfordshire and Slough in 2018, with the sentence (330)', async () => {
    const rows = await query(
      `MATCH (p:Person)-[r:BASED_AT {role: 'DCS'}]->(la:LocalAuthority)
       WHERE la.name IN ['Oxfordshire', 'Slough'] AND r.firstSeen STARTS WITH '2018'
       RETURN la.name AS authority, p.name AS person, r.quotes AS quotes ORDER BY authority`,
    );
    expect(rows.map((r) => [r.authority, r.person])).toEqual([
      ['Oxfordshire', 'Lucy Butler'],
      ['Slough', 'Cate Duffy'],
    ]);
    // Both sentences of 330 are evidence: "Lucy Butler (DCS Oxfordshire)" and "(project sponsor and DCS Oxfordshire)".
    expect(rows[0]!.quotes).toEqual([
      expect.stringContaining('Lucy Butler, (project sponsor and DCS Oxfordshire)'),
      expect.stringContaining('Lucy Butler (DCS Oxfordshire)'),
    ]);
  });

  it('an authority’s people with role and date in one query: contact list and prose alike (518:162)', async () => {
    const rows = await query(
      `MATCH (p:Person)-[r:BASED_AT]->(:LocalAuthority {name: 'Hampshire'})
       RETURN p.name AS person, r.role AS role, r.firstSeen AS since ORDER BY person`,
    );
    expect(rows).toContainEqual({
      person: 'Amanda Meadows',
      role: expect.any(String),
      since: expect.any(String),
    });
    expect(rows.every((r) => typeof r.role === 'string')).toBe(true);
  });

  it('people named in prose work for their bodies: "contact Dafna Bicaci at NCB", Professor Jonathan Dickens (UEA)', async () => {
    await one(
      `MATCH (:Person {name: 'Dafna Bicaci'})-[:WORKS_FOR]->(:Organisation {name: "National Children's Bureau"}) RETURN 1`,
    );
    const row = await one(
      `MATCH (:Person {name: 'Jonathan Dickens'})-[r:WORKS_FOR]->(:Organisation {name: 'University of East Anglia'})
       RETURN r.honorific AS honorific`,
    );
    expect(row.honorific).toBe('Professor');
  });

  it('Alison Rendle, named as the one to contact about the AD Education Network, is its contact (330:126)', async () => {
    await one(
      `MATCH (:Person {name: 'Alison Rendle'})-[:CONTACT_FOR]->(:Network {name: 'AD Education Network'}) RETURN 1`,
    );
  });

  it('a postal address is no mention: Darlington is not in the graph (412:112)', async () => {
    expect(await query(`MATCH (la:LocalAuthority {name: 'Darlington'}) RETURN la`)).toEqual([]);
  });

  it('"Life Online for Vulnerable Young People" and its Refuge and Risk title are one Report (451:125, 451:129)', async () => {
    const rows = await query(`MATCH (r:Report) WHERE r.title CONTAINS 'Life Online' RETURN r.title AS title`);
    expect(rows).toEqual([{ title: 'Refuge and Risk Report – Life Online for Vulnerable Young People' }]);
  });

  it('reports no item cites feed networks by their title: Troubled Families to Early Help, adoptions to Adoption', async () => {
    const rows = await query(
      `MATCH (r:Report)-[f:FEEDS]->(n:Network)
       WHERE r.title STARTS WITH 'Improving families' OR r.title = 'Children looked after in England including adoptions'
       RETURN n.name AS network, f.terms AS terms ORDER BY network`,
    );
    expect(rows).toEqual([
      { network: 'Adoption and Special Guardianship Leadership Board', terms: ['adoption'] },
      { network: 'Early Help Network', terms: ['troubled families'] },
    ]);
  });

  it("SESLIP's own Regional Improvement Plan is a Report published by SESLIP (412:134)", async () => {
    await one(
      `MATCH (:Report {title: 'Regional Improvement Plan 2020-2021'})-[:PUBLISHED_BY]->(:Organisation {name: 'South East Sector-Led Improvement Programme'})
       RETURN 1`,
    );
  });

  it('every authority named is one node: the 19 SESLIP authorities are not duplicated', async () => {
    const rows = await query(
      `MATCH (la:LocalAuthority) WITH la.name AS name, count(*) AS n WHERE n > 1 RETURN name`,
    );
    expect(rows).toEqual([]);
  });

  it('every edge records where it came from: zero edges without sources', async () => {
    const row = await one(
      `MATCH ()-[r]->() WHERE r.sources IS NULL OR size(r.sources) = 0 RETURN count(r) AS missing`,
    );
    expect(row.missing).toBe(0);
    const aligned = await one(
      `MATCH ()-[r]->() WHERE size(r.sources) <> size(r.quotes) OR size(r.sources) <> size(r.seenOn) RETURN count(r) AS bad`,
    );
    expect(aligned.bad).toBe(0);
  });

  it('derives FEEDS edges with their rule, terms and evidence', async () => {
    const rows = await query(
      `MATCH (r:Report)-[f:FEEDS]->(n:Network)
       RETURN r.title AS report, n.name AS network, f.rule AS rule, f.terms AS terms, f.sources AS sources`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(['names-network', 'names-contact', 'topic-lexicon']).toContain(row.rule);
      expect((row.terms as string[]).length).toBeGreaterThan(0);
      expect((row.sources as string[]).length).toBeGreaterThan(0);
    }
  });
});
