import { describe, expect, it } from 'vitest';
import { data, graphql, useSeededApi } from './helpers.js';

/** Forgiving names: partial names and near misses resolve when one entity clearly wins; otherwise the answer says why. */
const api = useSeededApi();

describe('names in lookups and filters', () => {
  it('resolves a partial name when one entity clearly wins (Fostering → Fostering Network)', async () => {
    const answer = await data(api.app, '{ network(name: "Fostering") { name } }');
    expect(answer.network).toEqual({ name: 'Fostering Network' });
  });

  it('filters by a partial name too: the Fostering Network meets on 19 October 2022 (518)', async () => {
    const answer = await data(
      api.app,
      '{ meetings(network: "fostering") { totalCount edges { node { date network { name } } } } }',
    );
    expect(answer.meetings.totalCount).toBeGreaterThan(0);
    expect(answer.meetings.edges.map((e: { node: { date: string } }) => e.node.date)).toContain('2022-10-19');
    for (const edge of answer.meetings.edges) expect(edge.node.network.name).toBe('Fostering Network');
  });

  it('resolves a near miss of one word (Ofstd → Ofsted)', async () => {
    const answer = await data(api.app, '{ organisation(name: "Ofstd") { name } }');
    expect(answer.organisation).toEqual({ name: 'Ofsted' });
  });

  it('says when several could be meant, listing them', async () => {
    const result = await graphql(api.app, '{ network(name: "Network") { name } }');
    expect(result.data?.network).toBeNull();
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('AMBIGUOUS_NAME');
    const candidates = error?.extensions?.candidates as string[];
    expect(candidates.length).toBeGreaterThan(1);
    expect(error?.message).toMatch(/^"Network" could be several networks: ".+", ".+/);
  });

  it('never answers a national body with a SESLIP network of the same words (The Fostering Network)', async () => {
    const lookup = await graphql(api.app, '{ network(name: "The Fostering Network") { name } }');
    expect(lookup.data?.network).toBeNull();
    expect(lookup.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(lookup.errors?.[0]?.message).toBe(
      '"The Fostering Network" is an organisation, not a SESLIP network; ask organisation(name:)',
    );
    expect((await data(api.app, '{ network(name: "Fostering Network") { name } }')).network).toEqual({
      name: 'Fostering Network',
    });
  });

  it('says when nothing matches, never a silent empty answer', async () => {
    const lookup = await graphql(api.app, '{ network(name: "Zzyzx") { name } }');
    expect(lookup.data?.network).toBeNull();
    expect(lookup.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(lookup.errors?.[0]?.message).toMatch(/^no network is named "Zzyzx"/);
    const filter = await graphql(api.app, '{ meetings(network: "Zzyzx") { totalCount } }');
    expect(filter.data).toBeNull();
    expect(filter.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('still takes exact names and data/ aliases first (qa network, IoW)', async () => {
    const answer = await data(
      api.app,
      '{ network(name: "qa network") { name } localAuthority(name: "IoW") { name } }',
    );
    expect(answer).toEqual({
      network: { name: 'SE Quality Assurance Network' },
      localAuthority: { name: 'Isle of Wight' },
    });
  });
});
