import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DatabaseError, RowShapeError } from '../../src/db/database.js';
import type { OpenDatabase } from '../../src/db/open.js';
import { openEmptyTestDatabase, unreachableDatabase } from '../support/graph.js';

let opened: OpenDatabase;

const echoRow = z.object({ value: z.string(), date: z.string(), answer: z.number(), count: z.number() });
const schemaObject = z.object({
  name: z.string(),
  type: z.string(),
  labelsOrTypes: z.array(z.string()).nullable(),
  properties: z.array(z.string()).nullable(),
  backsConstraint: z.boolean(),
});

beforeAll(async () => {
  opened = await openEmptyTestDatabase();
});
afterAll(async () => {
  await opened?.close();
});

describe('database access against the real Neo4j', () => {
  it('round-trips values as plain JSON: numbers, ISO dates, strings', async () => {
    const rows = await opened.db.query('test-echo', echoRow, {
      value: 'Oftsed',
      date: '2022-08-12',
      list: [1, 2, 3],
    });
    expect(rows).toEqual([{ value: 'Oftsed', date: '2022-08-12', answer: 42, count: 3 }]);
  });

  it('checks every row against the shape its caller reads, in a read and inside a write transaction', async () => {
    const params = { value: 'Oftsed', date: '2022-08-12', list: [] };
    const wrong = echoRow.extend({ answer: z.string() });
    const fromRead = await opened.db.query('test-echo', wrong, params).catch((error: unknown) => error);
    const fromWrite = await opened.db
      .writeTransaction((tx) => tx.query('test-echo', wrong, params))
      .catch((error: unknown) => error);
    for (const failure of [fromRead, fromWrite]) {
      expect(failure).toBeInstanceOf(RowShapeError);
      expect((failure as RowShapeError).message).toMatch(
        /^cypher\/test-echo\.cypher returned a row of another shape/,
      );
      expect((failure as RowShapeError).message).toContain('answer');
    }
    const [row] = await opened.db.writeTransaction((tx) => tx.query('test-echo', echoRow, params));
    expect(row).toEqual({ value: 'Oftsed', date: '2022-08-12', answer: 42, count: 0 });
  });

  it('reports the server as Neo4j 5.26 Community', async () => {
    const info = await opened.db.serverInfo();
    expect(info.version).toMatch(/^5\.26\./);
    expect(info.edition).toBe('community');
  });

  it('counts the Cypher queries each request view runs, separately', async () => {
    const request = opened.db.forRequest('CountMe');
    await request.serverInfo();
    await request.serverInfo();
    expect(request.queryCount).toBe(2);
    expect(opened.db.forRequest('Other').queryCount).toBe(0);
  });

  it('applies the schema again without changing any constraint or index', async () => {
    const before = await opened.db.query('schema-objects', schemaObject);
    await opened.db.applySchema();
    const after = await opened.db.query('schema-objects', schemaObject);
    expect(after).toEqual(before);
    const names = before.map((row) => row.name);
    expect(names).toContain('issue_number');
    expect(names).toContain('entity_search');
  });

  it('maps an unreachable server to a clear UNAVAILABLE error', async () => {
    const dead = unreachableDatabase();
    try {
      const failure = await dead.verifyConnectivity().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DatabaseError);
      expect((failure as DatabaseError).code).toBe('UNAVAILABLE');
      expect((failure as DatabaseError).message).toMatch(/Neo4j is unreachable/);
    } finally {
      await dead.close();
    }
  });

  it('maps a query Neo4j rejects to a QUERY error naming the Cypher file', async () => {
    const failure = await opened.db.query('test-echo', echoRow, {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseError);
    expect((failure as DatabaseError).code).toBe('QUERY');
    expect((failure as DatabaseError).message).toContain('cypher/test-echo.cypher');
  });
});
