import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('has sane defaults: embedded Neo4j in .data/neo4j on 7687, GraphQL on 127.0.0.1:4000', () => {
    const config = loadConfig({});
    expect(config.NEO4J_URI).toBeUndefined();
    expect(config.NEO4J_EMBEDDED_DIR).toBe('.data/neo4j');
    expect(config.NEO4J_EMBEDDED_PORT).toBe(7687);
    expect(config.NEO4J_DATABASE).toBe('neo4j');
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.PORT).toBe(4000);
    expect(config.LOAD_SEED).toBe(true);
    expect(config.API_KEYS).toEqual([]);
  });

  it('reads and coerces every setting', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 'secret-password',
      NEO4J_DATABASE: 'seslip',
      PORT: '8080',
      NEO4J_EMBEDDED_PORT: '0',
      LOG_LEVEL: 'debug',
      LOAD_SEED: 'false',
      API_KEYS: ' key-aaaaaaaaaaaaaaaa , key-bbbbbbbbbbbbbbbb ,',
    });
    expect(config).toMatchObject({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_USER: 'reader',
      NEO4J_DATABASE: 'seslip',
      PORT: 8080,
      NEO4J_EMBEDDED_PORT: 0,
      LOG_LEVEL: 'debug',
      LOAD_SEED: false,
      API_KEYS: ['key-aaaaaaaaaaaaaaaa', 'key-bbbbbbbbbbbbbbbb'],
    });
  });

  it('treats an empty value as unset', () => {
    const config = loadConfig({ NEO4J_URI: '', PORT: '' });
    expect(config.NEO4J_URI).toBeUndefined();
    expect(config.PORT).toBe(4000);
  });

  it('reports every invalid setting at once, each with its name and reason', () => {
    const problems = problemsOf({
      NEO4J_URI: 'http://localhost:7474',
      PORT: '70000',
      NEO4J_EMBEDDED_PORT: 'seven',
      LOG_LEVEL: 'loud',
      LOAD_SEED: 'maybe',
      API_KEYS: 'short',
    });
    expect(problems).toHaveLength(6);
    expect(problems.join('\n')).toMatch(/^NEO4J_URI: must be a bolt:\/\/ or neo4j:\/\/ URI/m);
    expect(problems.join('\n')).toMatch(/^PORT: must be 0-65535 \(got "70000"\)/m);
    expect(problems.join('\n')).toMatch(/^NEO4J_EMBEDDED_PORT: must be a whole number \(got "seven"\)/m);
    expect(problems.join('\n')).toMatch(/^LOG_LEVEL: must be debug, info, warn or error \(got "loud"\)/m);
    expect(problems.join('\n')).toMatch(/^LOAD_SEED: must be true or false/m);
    expect(problems.join('\n')).toMatch(/^API_KEYS: each key must be at least 16 characters/m);
  });

  it('names the problem in the error message', () => {
    expect(() => loadConfig({ NEO4J_DATABASE: '1bad name' })).toThrow(
      /NEO4J_DATABASE: must be a Neo4j database name/,
    );
  });
});
