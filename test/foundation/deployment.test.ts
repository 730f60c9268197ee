import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

interface Compose {
  services: Record<string, Record<string, unknown>>;
  volumes: Record<string, unknown>;
}

describe('docker-compose.yml and Dockerfile (no Docker engine here: checked as files)', () => {
  const compose = parse(read('docker-compose.yml')) as Compose;
  const neo4j = compose.services.neo4j!;
  const app = compose.services.app!;

  it('runs the same Neo4j minor version as the embedded launcher, Community edition', () => {
    const embedded = /<neo4j\.version>(\d+\.\d+)\.\d+<\/neo4j\.version>/.exec(
      read('src/db/embedded/pom.xml'),
    )?.[1];
    expect(embedded).toBe('5.26');
    expect(neo4j.image).toBe(`neo4j:${embedded}-community`);
  });

  it('takes the Neo4j password from the env file, never a literal', () => {
    const auth = (neo4j.environment as Record<string, string>).NEO4J_AUTH;
    expect(auth).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:\?[^}]*8\+ characters[^}]*\}$/);
    expect(app.env_file).toBe('.env');
    expect(read('.env.example')).toMatch(/NEO4J_PASSWORD=/);
  });

  it('keeps data in a named volume and starts the app only once Neo4j is healthy', () => {
    expect(neo4j.volumes).toContain('neo4j-data:/data');
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
    expect(neo4j.healthcheck).toMatchObject({
      test: expect.arrayContaining([expect.stringContaining('7474')]),
    });
    expect(app.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    expect((app.environment as Record<string, string>).NEO4J_URI).toBe('bolt://neo4j:7687');
  });

  it('builds the app in several stages and runs it as a non-root user', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    const user = /^USER (\S+)/m.exec(dockerfile)?.[1];
    expect(user).toBeDefined();
    expect(user).not.toBe('root');
    expect(dockerfile).toMatch(/^COPY cypher /m);
  });
});
