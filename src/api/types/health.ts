import { builder } from '../builder.js';

interface HealthReport {
  ok: boolean;
  neo4jVersion: string | null;
  neo4jEdition: string | null;
  database: string;
  error: string | null;
}

const Health = builder.objectRef<HealthReport>('Health').implement({
  description: 'Whether the API can reach Neo4j, and which Neo4j it is.',
  fields: (t) => ({
    ok: t.exposeBoolean('ok', { description: 'True when Neo4j answered.' }),
    neo4jVersion: t.exposeString('neo4jVersion', { nullable: true }),
    neo4jEdition: t.exposeString('neo4jEdition', { nullable: true }),
    database: t.exposeString('database'),
    error: t.exposeString('error', { nullable: true, description: 'Why Neo4j could not be reached.' }),
  }),
});

builder.queryField('health', (t) =>
  t.field({
    type: Health,
    description:
      'Neo4j reachability, version and edition. Never fails: an unreachable Neo4j is reported in the result.',
    resolve: async (_root, _args, { db }) => {
      try {
        await db.verifyConnectivity();
        const info = await db.serverInfo();
        return {
          ok: true,
          neo4jVersion: info.version,
          neo4jEdition: info.edition,
          database: db.name,
          error: null,
        };
      } catch (error) {
        return {
          ok: false,
          neo4jVersion: null,
          neo4jEdition: null,
          database: db.name,
          error: error instanceof Error ? error.message : String(error),
        };
      }
    },
  }),
);
