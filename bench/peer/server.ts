/**
 * The peer server: @neo4j/graphql 7 over the same Neo4j as seslip-kg, served by graphql-yoga in-process
 * exactly like ours (both are called through `fetch`, no network in between), with its own driver.
 */
import { readFileSync } from 'node:fs';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import neo4j, { type Driver } from 'neo4j-driver';
import { peerRelationshipTypeDefs } from './relationships.js';

/** The stored properties and queries, written by hand, and the relationship fields, from the catalogue. */
export const PEER_TYPE_DEFS = `${readFileSync(new URL('./type-defs.graphql', import.meta.url), 'utf8')}\n${peerRelationshipTypeDefs()}`;

export interface PeerServer {
  fetch: (request: Request) => Response | Promise<Response>;
  driver: Driver;
  close: () => Promise<void>;
}

export async function startPeer(uri: string): Promise<PeerServer> {
  // The embedded Neo4j runs without auth, as for seslip-kg's own driver.
  const driver = neo4j.driver(uri, undefined, { userAgent: 'seslip-kg-bench-peer' });
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const yoga = createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    logging: false,
    context: { sessionConfig: { database: 'neo4j' } },
  });
  return { fetch: (request) => yoga.fetch(request), driver, close: () => driver.close() };
}
