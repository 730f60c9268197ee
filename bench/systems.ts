/**
 * The three systems a case runs on, over one Neo4j: seslip-kg (its yoga app, called through `fetch`
 * in-process), the peer (@neo4j/graphql, also yoga through `fetch`) and the hand-written Cypher (one query on
 * a plain driver). Each call returns the answer in seslip-kg's shape and the bytes that came back.
 */
import { readFileSync } from 'node:fs';
import neo4j, { type Driver } from 'neo4j-driver';
import type { App } from '../src/server/app.js';
import type { BenchCase } from './cases.js';
import type { PeerServer } from './peer/server.js';

export type SystemName = 'seslip-kg' | 'peer' | 'cypher';
export const SYSTEMS: SystemName[] = ['seslip-kg', 'peer', 'cypher'];

export interface Answer {
  data: unknown;
  /** Response bytes (all requests the system needed; for Cypher, the rows as JSON). */
  bytes: number;
  /** Cypher queries seslip-kg ran (its `extensions.cypherQueries`); null for the others. */
  cypherQueries: number | null;
  errors: string[];
}

interface GraphQLResponse {
  data?: unknown;
  errors?: { message: string }[];
  extensions?: { cypherQueries?: number };
}

type Fetch = (request: Request) => Response | Promise<Response>;

/** POSTs one GraphQL request to an in-process yoga app. */
export async function post(
  fetch: Fetch,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ body: GraphQLResponse; bytes: number }> {
  const response = await fetch(
    new Request('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    }),
  );
  const text = await response.text();
  return { body: JSON.parse(text) as GraphQLResponse, bytes: Buffer.byteLength(text) };
}

export class Systems {
  private readonly cypherDriver: Driver;
  private readonly cypherFiles = new Map<string, string>();

  constructor(
    readonly app: App,
    readonly peer: PeerServer,
    uri: string,
  ) {
    // Plain numbers, as seslip-kg's own driver returns them.
    this.cypherDriver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });
  }

  async ours(query: string): Promise<Answer> {
    const { body, bytes } = await post((request) => this.app.fetch(request), query);
    return {
      data: body.data ?? null,
      bytes,
      cypherQueries: body.extensions?.cypherQueries ?? null,
      errors: (body.errors ?? []).map((e) => e.message),
    };
  }

  async peerAnswer(benchCase: BenchCase): Promise<Answer> {
    let bytes = 0;
    const errors: string[] = [];
    const data = await benchCase.peer(async (query, variables) => {
      const { body, bytes: size } = await post(this.peer.fetch, query, variables);
      bytes += size;
      if (body.errors !== undefined) errors.push(...body.errors.map((e) => e.message));
      return body.data ?? {};
    });
    return { data: errors.length > 0 ? null : data, bytes, cypherQueries: null, errors };
  }

  async cypherAnswer(benchCase: BenchCase): Promise<Answer> {
    let bytes = 0;
    const data = await benchCase.cypher(async (file, params = {}) => {
      const session = this.cypherDriver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.executeRead((tx) => tx.run(this.cypherText(file), params));
        const data: unknown = result.records[0]?.get('data') ?? null;
        bytes += Buffer.byteLength(JSON.stringify(data));
        return data;
      } finally {
        await session.close();
      }
    });
    return { data, bytes, cypherQueries: 1, errors: [] };
  }

  answer(system: SystemName, benchCase: BenchCase): Promise<Answer> {
    if (system === 'seslip-kg') return this.ours(benchCase.query);
    return system === 'peer' ? this.peerAnswer(benchCase) : this.cypherAnswer(benchCase);
  }

  private cypherText(file: string): string {
    let text = this.cypherFiles.get(file);
    if (text === undefined) {
      text = readFileSync(new URL(`./cypher/${file}.cypher`, import.meta.url), 'utf8');
      this.cypherFiles.set(file, text);
    }
    return text;
  }

  /** The JVM's heap in use, MiB (Neo4j's JMX bean; Community has it). */
  jvmHeapUsedMb(): Promise<number | null> {
    return this.mebibytes(
      "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes " +
        'RETURN attributes.HeapMemoryUsage.value.properties.used AS used',
    );
  }

  /**
   * What Neo4j's memory tracking estimates seslip-kg's running queries hold, MiB (SHOW TRANSACTIONS,
   * `estimatedUsedHeapMemory`): the query's own working memory, where the JVM's heap in use also counts
   * garbage not yet collected. 0 when none runs; null where Neo4j does not say.
   */
  trackedQueryMemoryMb(): Promise<number | null> {
    return this.mebibytes(
      'SHOW TRANSACTIONS YIELD metaData, estimatedUsedHeapMemory ' +
        "WHERE metaData.app = 'seslip-kg' RETURN sum(estimatedUsedHeapMemory) AS used",
    );
  }

  /**
   * Empties Neo4j's query caches (plans and compiled queries), so the next run of a query text plans it
   * again: the bench's way of telling what planning costs from what the query holds.
   */
  async clearQueryCaches(): Promise<void> {
    await this.runOnce('CALL db.clearQueryCaches()');
  }

  /** A gauge query's `used` bytes, in MiB; null where the query fails or says nothing. */
  private async mebibytes(text: string): Promise<number | null> {
    try {
      const used: unknown = (await this.runOnce(text)).records[0]?.get('used');
      return typeof used === 'number' ? used / 2 ** 20 : null;
    } catch {
      return null;
    }
  }

  /** One bench-side query (gauges, cache control) in a session of its own. */
  private async runOnce(text: string) {
    const session = this.cypherDriver.session({ database: 'neo4j' });
    try {
      return await session.run(text);
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.cypherDriver.close();
  }
}
