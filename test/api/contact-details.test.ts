import { describe, expect, it } from 'vitest';
import { API_KEY, data, graphql, useSeededApi, type Json } from './helpers.js';

/**
 * Person.contactDetails (email and phone as the contact lists give them) only for requests carrying
 * `Authorization: Bearer <key>` with a key from API_KEYS; everyone else gets null and a FORBIDDEN error.
 */

const api = useSeededApi();

const QUERY = `{ person(name: "Luke Ede") { name contactDetails { issue { number } email phone } } }`;

const expectForbidden = (result: Json) => {
  expect(result.data.person.name).toBe('Luke Ede');
  expect(result.data.person.contactDetails).toBeNull();
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toMatchObject({
    path: ['person', 'contactDetails'],
    extensions: { code: 'FORBIDDEN' },
  });
  expect(result.errors[0].message).toMatch(/API key/);
  expect(result.errors[0].message).toMatch(/Authorization: Bearer/);
  expect(JSON.stringify(result)).not.toContain('eastsussex.gov.uk');
  expect(JSON.stringify(result)).not.toContain('148597');
};

describe('Person.contactDetails', () => {
  it('is null with a FORBIDDEN error saying why, without an Authorization header', async () => {
    expectForbidden(await graphql(api.app, QUERY));
  });

  it('is hidden with a wrong key, a key of another scheme, or a malformed header', async () => {
    for (const authorization of [
      'Bearer wrong-key-of-sixteen-chars',
      `Bearer ${API_KEY}x`,
      `Basic ${API_KEY}`,
      API_KEY,
      'Bearer',
      `Bearer ${API_KEY} extra`,
    ]) {
      expectForbidden(await graphql(api.app, QUERY, {}, { authorization }));
    }
  });

  it('with a key from API_KEYS: Luke Ede’s email from 515 and his phone from every Update, oldest first', async () => {
    const { person } = await data(api.app, QUERY, {}, { authorization: `Bearer ${API_KEY}` });
    expect(person.contactDetails).toEqual([
      { issue: { number: 330 }, email: null, phone: '07925 148597' }, // 330:214-217
      { issue: { number: 412 }, email: null, phone: '07925 148597' }, // 412:180-183
      { issue: { number: 515 }, email: 'luke.ede@eastsussex.gov.uk', phone: '07925 148597' }, // 515:215-219
      { issue: { number: 518 }, email: null, phone: '07925 148597' }, // 518:152-155
    ]);
  });

  it('the scheme is case-insensitive ("bearer")', async () => {
    const { person } = await data(api.app, QUERY, {}, { authorization: `bearer ${API_KEY}` });
    expect(person.contactDetails).toHaveLength(4);
  });

  it('works for every person in a list: Amanda Meadows’s Hampshire email (515:229)', async () => {
    const { people } = await data(
      api.app,
      '{ people(authority: "Hampshire") { edges { node { name contactDetails { issue { number } email phone } } } } }',
      {},
      { authorization: `Bearer ${API_KEY}` },
    );
    expect(people.edges).toEqual([
      {
        node: {
          name: 'Amanda Meadows',
          contactDetails: [
            { issue: { number: 515 }, email: 'Amanda.meadows@hants.gov.uk', phone: '03707 794752' }, // 515:227-231
            { issue: { number: 518 }, email: null, phone: '03707 794752' }, // 518:162-165
          ],
        },
      },
    ]);
  });

  it('the rest of a person stays public: roles as written in each Update', async () => {
    const { person } = await data(
      api.app,
      '{ person(name: "Luke Ede") { roles { role issue { number } } } }',
    );
    // 330:214, 412:180 "Data Benchmarking"; 515:215, 518:152 "Data and Information Manager".
    expect(person.roles).toEqual([
      { role: 'Data Benchmarking', issue: { number: 330 } },
      { role: 'Data Benchmarking', issue: { number: 412 } },
      { role: 'Data and Information Manager', issue: { number: 515 } },
      { role: 'Data and Information Manager', issue: { number: 518 } },
    ]);
  });
});
