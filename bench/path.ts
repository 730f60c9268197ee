/**
 * `path`'s worst case on a bench graph: the API's shortest connection (maxHops 8, its cap) between pairs
 * chosen to be expensive — the busiest nodes (whose neighbourhoods are the largest a search can meet), the
 * quietest ones (one edge: long walks, often no connection within the cap) and one of each — plus pairs
 * spread over the graph. Times each through the app, as a client would see it.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import neo4j, { type Driver } from 'neo4j-driver';
import { performance } from 'node:perf_hooks';
import type { App } from '../src/server/app.js';
import { post } from './systems.js';

export interface PathFigures {
  pairs: number;
  found: number;
  p50Ms: number;
  worstMs: number;
  worstPair: string;
  errors: number;
}

interface End {
  label: string;
  key: string;
}

const QUERY = `query ($from: ID!, $to: ID!) {
  path(from: $from, to: $to, maxHops: 8) { nodes { __typename } hops { type evidence(first: 1) { quote } } }
}`;

async function ends(driver: Driver, cypher: string): Promise<End[]> {
  const result = await driver.executeQuery(cypher, {}, { database: 'neo4j', routing: 'READ' });
  return result.records.map((record) => ({
    label: String(record.get('label')),
    key: String(record.get('key')),
  }));
}

const ENTITY = `[l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.key AS key`;

export async function measurePaths(app: App, uri: string): Promise<PathFigures> {
  const driver = neo4j.driver(uri);
  try {
    return await timePaths(app, await candidatePairs(driver));
  } finally {
    await driver.close();
  }
}

async function candidatePairs(driver: Driver): Promise<[End, End][]> {
  const busiest = await ends(
    driver,
    `MATCH (n:Entity) WHERE NOT n:Item AND NOT n:Issue
     RETURN ${ENTITY}, COUNT { (n)--() } AS degree ORDER BY degree DESC, key LIMIT 4`,
  );
  const quietest = await ends(
    driver,
    `MATCH (n:Entity) WHERE NOT n:Item AND NOT n:Issue AND COUNT { (n)--() } = 1
     RETURN ${ENTITY} ORDER BY key LIMIT 4`,
  );
  const spread = await ends(
    driver,
    `MATCH (n:Entity) WHERE NOT n:Item AND NOT n:Issue
     WITH n ORDER BY n.uid WITH collect(n) AS entities
     UNWIND range(0, 15) AS i WITH entities[toInteger(i * size(entities) / 16)] AS n RETURN ${ENTITY}`,
  );
  const pairs: [End, End][] = [];
  const across = (a: End[], b: End[]) => {
    for (const x of a) for (const y of b) if (x.key !== y.key || x.label !== y.label) pairs.push([x, y]);
  };
  across(busiest, busiest);
  across(quietest, quietest);
  across(busiest, quietest);
  for (let i = 0; i + 1 < spread.length; i += 2) pairs.push([spread[i]!, spread[i + 1]!]);
  return pairs;
}

async function timePaths(app: App, pairs: [End, End][]): Promise<PathFigures> {
  const times: number[] = [];
  let found = 0;
  let errors = 0;
  let worst = { ms: -1, pair: '' };
  for (const [from, to] of pairs) {
    const variables = {
      from: encodeGlobalID(from.label, from.key),
      to: encodeGlobalID(to.label, to.key),
    };
    const started = performance.now();
    const { body } = await post((request) => app.fetch(request), QUERY, variables);
    const ms = performance.now() - started;
    times.push(ms);
    if (body.errors !== undefined) errors += 1;
    else if ((body.data as { path: unknown } | undefined)?.path != null) found += 1;
    if (ms > worst.ms) worst = { ms, pair: `${from.label} ${from.key} → ${to.label} ${to.key}` };
  }
  times.sort((a, b) => a - b);
  return {
    pairs: pairs.length,
    found,
    p50Ms: times[Math.floor(times.length / 2)] ?? 0,
    worstMs: worst.ms,
    worstPair: worst.pair,
    errors,
  };
}
