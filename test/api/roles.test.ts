import { describe, expect, it } from 'vitest';
import { data, useSeededApi, type Json } from './helpers.js';

/** Roles over time, in one query: an authority's people with the role as written and when it was read. */
const api = useSeededApi();

describe('who held which role, when', () => {
  it('Oxfordshire’s people: Lucy Butler, DCS, read in 2018 (330)', async () => {
    const answer = await data(
      api.app,
      `{ localAuthority(name: "Oxfordshire") { people { edges {
           role honorific firstSeen lastSeen node { name } evidence { issue { number } quote } } } } }`,
    );
    const lucy = answer.localAuthority.people.edges.find((e: Json) => e.node.name === 'Lucy Butler');
    expect(lucy).toBeDefined();
    expect(lucy.role).toMatch(/DCS/);
    expect(lucy.firstSeen.slice(0, 4)).toBe('2018');
    expect(lucy.evidence[0].issue.number).toBe(330);
    expect(lucy.evidence[0].quote).toMatch(/Lucy Butler/);
  });

  it('the same from the person’s side, every role with its body', async () => {
    const answer = await data(
      api.app,
      `{ person(name: "Lucy Butler") { localAuthorities { edges { role firstSeen node { name } } }
           organisations { edges { role node { name } } } } }`,
    );
    const roles = answer.person.localAuthorities.edges.map((e: Json) => [e.node.name, e.role]);
    expect(roles).toContainEqual(['Oxfordshire', expect.stringMatching(/DCS/)]);
  });
});
