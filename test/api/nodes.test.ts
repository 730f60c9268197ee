import { describe, expect, it } from 'vitest';
import { data, graphql, globalId, useSeededApi, type Json } from './helpers.js';

/** node(id) and nodes(ids) for every type, and the root lookups by name or alias. */

const api = useSeededApi();

/** For each type: the list to take an id from, and one field to compare between the list and node(id). */
const TYPES = [
  { type: 'Issue', list: 'issues', field: 'number' },
  { type: 'Item', list: 'items', field: 'title' },
  { type: 'Report', list: 'reports', field: 'title' },
  { type: 'Organisation', list: 'organisations', field: 'name' },
  { type: 'Person', list: 'people', field: 'name' },
  { type: 'Network', list: 'networks', field: 'name' },
  { type: 'Meeting', list: 'meetings', field: 'date' },
  { type: 'LocalAuthority', list: 'localAuthorities', field: 'name' },
] as const;

/** The first entity of each root list: id, __typename and the compared field. */
async function firstOfEachList(): Promise<Record<string, Json>> {
  const text = `{ ${TYPES.map(
    ({ list, field }) => `${list}(first: 1) { edges { node { __typename id ${field} } } }`,
  ).join(' ')} }`;
  const lists = await data(api.app, text);
  return Object.fromEntries(TYPES.map(({ type, list }) => [type, lists[list].edges[0].node]));
}

const NODE = `query ($id: ID!) { node(id: $id) { __typename id
  ... on Issue { number } ... on Item { title } ... on Report { title } ... on Organisation { name }
  ... on Person { name } ... on Network { name } ... on Meeting { date } ... on LocalAuthority { name } } }`;

describe('node(id) for every type', () => {
  for (const { type, field } of TYPES) {
    it(`${type}: an id from the list fetches the same entity`, async () => {
      const listed = (await firstOfEachList())[type];
      expect(listed.__typename).toBe(type);
      const { node } = await data(api.app, NODE, { id: listed.id });
      expect(node).toEqual({ __typename: type, id: listed.id, [field]: listed[field] });
    });
  }

  it('the first of each list is the entity the seeds say it is', async () => {
    const first = await firstOfEachList();
    expect(first.Issue.number).toBe(518); // newest Update, 518:1
    expect(first.Item.title).toBe(
      'Pre-proceedings and family justice hub – Research in Practice Toolkit published',
    ); // 518:19
    expect(first.Report.title).toMatch(/^response to the recommendations of the Independent Inquiry/); // 518:98, 27 July 2022
    expect(first.Person.name).toBe('Alastair Lee'); // 518:46, first by name
    expect(first.Network.name).toBe('AD Education Network'); // first by name
    expect(first.LocalAuthority.name).toBe('Bracknell Forest'); // 330:162, first by name
    // The earliest dated meeting: the SE ADCS meeting on 7 December 2018 (330:182).
    expect(first.Meeting.date).toBe('2018-12-07');
  });

  it('nodes(ids) returns them in the order asked, null where nothing has the id', async () => {
    const first = await firstOfEachList();
    const ids = TYPES.map(({ type }) => first[type].id as string);
    const missing = globalId('Person', 'nobody at all');
    const asked = [...ids].reverse();
    asked.splice(3, 0, missing);
    const { nodes } = await data(api.app, 'query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', {
      ids: asked,
    });
    expect(nodes.map((node: Json) => node?.id ?? null)).toEqual(
      asked.map((id) => (id === missing ? null : id)),
    );
    expect(nodes.filter(Boolean).map((node: Json) => node.__typename)).toEqual(
      TYPES.map(({ type }) => type).reverse(),
    );
  });

  it('an id whose key exists under another type finds nothing', async () => {
    // "515/7" is an Item key (515:109), not an Issue's.
    const { node } = await data(api.app, NODE, { id: globalId('Issue', '515/7') });
    expect(node).toBeNull();
    const item = await data(api.app, NODE, { id: globalId('Item', '515/7') });
    expect(item.node).toEqual({
      __typename: 'Item',
      id: globalId('Item', '515/7'),
      title: 'KS2 national headlines for 2022',
    });
  });

  it('item(id) and meeting(id) fetch their type', async () => {
    const meetingId = globalId('Meeting', 'se quality assurance network@2022-09-14');
    const result = await data(
      api.app,
      `query ($item: ID!, $meeting: ID!) { item(id: $item) { title issue { number } }
         meeting(id: $meeting) { title date time network { name } contact { name } } }`,
      { item: globalId('Item', '518/5'), meeting: meetingId },
    );
    expect(result.item).toEqual({
      title: 'ILACS1 inspections completed in the South East',
      issue: { number: 518 },
    }); // 518:77
    // 518:56 "QA Network: Wednesday 14 September at 2pm. More from Amanda Meadows"
    expect(result.meeting).toEqual({
      title: 'QA Network',
      date: '2022-09-14',
      time: '2pm',
      network: { name: 'SE Quality Assurance Network' },
      contact: { name: 'Amanda Meadows' },
    });
  });
});

describe('lookups by name accept any case and every alias', () => {
  it('network(name: "qa network") is the SE Quality Assurance Network (518:56)', async () => {
    const { network } = await data(api.app, '{ network(name: "qa network") { id name } }');
    expect(network).toEqual({
      id: globalId('Network', 'se quality assurance network'),
      name: 'SE Quality Assurance Network',
    });
  });

  it('organisation(name: "Oftsed") is Ofsted (412:20, 412:140)', async () => {
    const { organisation } = await data(
      api.app,
      '{ organisation(name: "Oftsed") { id name aliases reports(first: 50) { edges { node { title } } } } }',
    );
    expect(organisation.name).toBe('Ofsted');
    expect(organisation.id).toBe(globalId('Organisation', 'ofsted'));
    // 412:140 "Main Findings: Children’s Social Care in England 2020 published 7 July 2020 by Oftsed"
    expect(organisation.reports.edges.map((edge: Json) => edge.node.title)).toContain(
      'Main Findings: Children’s Social Care in England 2020',
    );
  });

  it('localAuthority(name: "IoW") is the Isle of Wight (330:156)', async () => {
    const { localAuthority } = await data(api.app, '{ localAuthority(name: "IoW") { id name seslip } }');
    expect(localAuthority).toEqual({
      id: globalId('LocalAuthority', 'isle of wight'),
      name: 'Isle of Wight',
      seslip: true,
    });
  });

  it('person(name: "Phil Simpkins") is Philip Simpkins, working for the LGA (518:210)', async () => {
    const result = await data(
      api.app,
      `{ phil: person(name: "Phil Simpkins") { id name variants organisations { edges { node { name } } } }
         written: person(name: "Philip (Phil) Simpkins") { id }
         professor: person(name: "Prof. Eamon McCrory") { name } }`,
    );
    expect(result.phil).toEqual({
      id: globalId('Person', 'philip simpkins'),
      name: 'Philip Simpkins',
      variants: expect.arrayContaining(['Phil Simpkins', 'Philip (Phil) Simpkins']),
      organisations: { edges: [{ node: { name: 'Local Government Association' } }] },
    });
    expect(result.written.id).toBe(result.phil.id);
    expect(result.professor.name).toBe('Eamon McCrory'); // 518:118
  });

  it('other spellings: "dfe", "Brighton & Hove", "Education Network", "SESLIP"', async () => {
    const result = await data(
      api.app,
      `{ dfe: organisation(name: "dfe") { name }
         brighton: localAuthority(name: "Brighton & Hove") { name }
         education: network(name: "Education Network") { name }
         seslip: organisation(name: "SESLIP") { name } }`,
    );
    expect(result).toEqual({
      dfe: { name: 'Department for Education' },
      brighton: { name: 'Brighton and Hove' },
      education: { name: 'AD Education Network' }, // 518:172 "Education Network: Chris Owen"
      seslip: { name: 'South East Sector-Led Improvement Programme' },
    });
  });

  it('unknown names give null with a NOT_FOUND error naming the field, never a silent null', async () => {
    const result = await graphql(
      api.app,
      `
        {
          nobody: person(name: "Nobody At All") {
            name
          }
          nowhere: localAuthority(name: "Atlantis") {
            name
          }
        }
      `,
    );
    expect(result.data).toEqual({ nobody: null, nowhere: null });
    const errors = (result.errors ?? []).map((e) => [e.path?.[0], e.extensions?.code]);
    expect(errors.sort()).toEqual([
      ['nobody', 'NOT_FOUND'],
      ['nowhere', 'NOT_FOUND'],
    ]);
  });
});

describe('relationship connections keep a readable order', () => {
  it('items of one Update come in the Update’s order: Isabelle Gregory in 330 items 1, 3, 9 and 10', async () => {
    const { person } = await data(
      api.app,
      '{ person(name: "Isabelle Gregory") { mentionedIn(first: 50) { edges { node { id } evidence { quote } } } } }',
    );
    // 330:20 "Isabelle Gregory (contact details below)", 330:42 "please contact Isabelle, details below",
    // 330:164 "Please contact Isabelle Gregory (details below)", 330:170 "please contact Isabelle, details below".
    expect(person.mentionedIn.edges.map((edge: Json) => edge.node.id)).toEqual(
      ['330/1', '330/3', '330/9', '330/10'].map((key) => globalId('Item', key)),
    );
  });
});

describe('bad ids', () => {
  it('node(id) with an id that is not base64 of Type:key gives an error, not a crash', async () => {
    const result = await graphql(api.app, '{ node(id: "%%%") { id } }');
    expect(result.data?.node ?? null).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(/Invalid global ID: %%%/);
  });
});
