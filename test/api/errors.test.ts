import { describe, expect, it } from 'vitest';
import { loadResolver } from '../../src/load/reference.js';
import { silentLogger } from '../../src/log.js';
import { createApp } from '../../src/server/app.js';
import { testConfig, unreachableDatabase } from '../support/graph.js';
import { graphql, useSeededApi } from './helpers.js';

/** Every error a client can cause, or meet, carries an `extensions.code` and names what is wrong. */
const api = useSeededApi();

const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.code;

describe('error codes', () => {
  it('an impossible date, as a variable or inline, is BAD_USER_INPUT', async () => {
    const asVariable = await graphql(
      api.app,
      'query ($from: Date) { issues(from: $from) { totalCount } }',
      { from: '2022-02-30' },
      {},
      400,
    );
    expect(codeOf(asVariable)).toBe('BAD_USER_INPUT');
    const inline = await graphql(api.app, '{ issues(from: "2022-13-01") { totalCount } }');
    expect(codeOf(inline)).toBe('BAD_USER_INPUT');
  });

  it('an id this API did not issue is BAD_USER_INPUT', async () => {
    const result = await graphql(api.app, '{ node(id: "not-an-id") { id } }');
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/Invalid global ID/);
  });

  it('search text over the bounds is BAD_USER_INPUT, with no Lucene internals', async () => {
    const long = await graphql(api.app, 'query ($t: String!) { search(text: $t) { totalCount } }', {
      t: 'x'.repeat(1500),
    });
    expect(codeOf(long)).toBe('BAD_USER_INPUT');
    expect(long.errors?.[0]?.message).toBe('search text has a word of 1500 characters; at most 100 each');
    const many = await graphql(api.app, 'query ($t: String!) { search(text: $t) { totalCount } }', {
      t: Array.from({ length: 1100 }, (_, i) => `w${i}`).join(' '),
    });
    expect(codeOf(many)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(many.errors)).not.toMatch(/maxClauseCount|lucene/i);
  });

  it('an unreachable Neo4j is SERVICE_UNAVAILABLE with a message to act on, in production too', async () => {
    const resolver = await loadResolver();
    const db = unreachableDatabase();
    try {
      for (const NODE_ENV of ['development', 'production']) {
        const app = createApp({ config: testConfig({ NODE_ENV }), db, resolver, log: silentLogger });
        const result = await graphql(app, '{ issues { totalCount } }');
        expect(codeOf(result)).toBe('SERVICE_UNAVAILABLE');
        expect(result.errors?.[0]?.message).toBe('the graph database is unavailable; try again shortly');
      }
    } finally {
      await db.close();
    }
  });
});
