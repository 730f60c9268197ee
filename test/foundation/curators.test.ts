import { describe, expect, it } from 'vitest';
import { curatorOf, requireCurator } from '../../src/api/auth.js';
import { ConfigError, loadConfig } from '../../src/config.js';

/** CURATOR_KEYS: `name:key` pairs, checked at start; keys compared in constant time and never echoed. */

describe('CURATOR_KEYS', () => {
  it('reads name:key pairs', () => {
    const config = loadConfig({ CURATOR_KEYS: ' ana:key-aaaaaaaaaaaaaaaa , ben:key:bbbbbbbbbbbbbbbb ,' });
    expect(config.CURATOR_KEYS).toEqual([
      { name: 'ana', key: 'key-aaaaaaaaaaaaaaaa' },
      { name: 'ben', key: 'key:bbbbbbbbbbbbbbbb' },
    ]);
    expect(loadConfig({}).CURATOR_KEYS).toEqual([]);
  });

  it('refuses a short key or a pair without a name, without repeating the value', () => {
    for (const value of ['ana:short-secret', 'no-name-here-0123456789']) {
      let problems: string[] = [];
      try {
        loadConfig({ CURATOR_KEYS: value });
      } catch (error) {
        problems = (error as ConfigError).problems;
      }
      expect(problems.join('\n')).toMatch(/^CURATOR_KEYS: each entry must be name:key/m);
      expect(problems.join('\n')).not.toContain(value);
    }
  });

  it('tells a curator from a reader and from no key at all', () => {
    const config = {
      CURATOR_KEYS: [
        { name: 'ana', key: 'key-aaaaaaaaaaaaaaaa' },
        { name: 'ben', key: 'key-bbbbbbbbbbbbbbbb' },
      ],
    };
    expect(curatorOf('key-bbbbbbbbbbbbbbbb', config)).toEqual({ name: 'ben' });
    expect(curatorOf('key-aaaaaaaaaaaaaaab', config)).toBe('not-a-curator');
    expect(curatorOf('k', config)).toBe('not-a-curator');
    expect(curatorOf(undefined, config)).toBe('no-key');
    expect(() => requireCurator('no-key')).toThrow(
      expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }),
    );
    expect(() => requireCurator('not-a-curator')).toThrow(
      expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }),
    );
    expect(requireCurator({ name: 'ana' })).toBe('ana');
  });
});
