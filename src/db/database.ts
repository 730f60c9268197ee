import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isRelationship,
  isTime,
  Neo4jError,
  type Driver,
  type ManagedTransaction,
} from 'neo4j-driver';
import pRetry from 'p-retry';
import { z } from 'zod';
import { cypher, cypherStatements, shapedCypher } from './cypher.js';

/**
 * The one place that owns the driver, sessions and transactions: reads run as auto-commit queries, writes in
 * `executeWrite`, always against the configured database, with transaction metadata naming the app
 * and the GraphQL operation. Values leave as plain JSON (numbers, ISO strings, objects): no driver
 * Integer or temporal object escapes this module.
 */

export type Params = Record<string, unknown>;

/** The longest a read transaction may run before Neo4j terminates it (a request's worst case). */
export const READ_TIMEOUT_MS = 10_000;
/** Retries of a read that met a transient error (after 0.25, 0.75 and 2.25 s). */
const READ_RETRIES = 3;

export interface ConnectOptions {
  uri: string;
  user: string;
  password: string | undefined;
  database: string;
  /**
   * Why the server is known to be down right now (an embedded Neo4j being restarted), or null: while it
   * names a reason, every transaction fails at once with UNAVAILABLE instead of waiting for a timeout.
   */
  downBecause?: () => string | null;
}

export type DatabaseErrorCode =
  'UNAVAILABLE' | 'AUTH' | 'CONSTRAINT' | 'TIMEOUT' | 'QUERY' | 'TRANSIENT' | 'UNKNOWN';

export class DatabaseError extends Error {
  override name = 'DatabaseError';
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
    readonly neo4jCode: string | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A storage query returned rows its caller does not read: the Cypher file and its caller disagree. */
export class RowShapeError extends Error {
  override name = 'RowShapeError';
}

type Slots = Readonly<Record<string, string>>;

/**
 * What reads rows from named Cypher files, each row checked against the shape its caller reads (zod): a row of
 * another shape fails where it leaves Neo4j, naming the file, rather than as a wrong value further on. Both a
 * Database (a read of its own) and a Transaction (a read inside a write) are one.
 */
export interface RowReader {
  query<Shape extends z.ZodType>(
    name: string,
    rows: Shape,
    params?: Params,
    slots?: Slots,
  ): Promise<z.output<Shape>[]>;
}

/**
 * A transaction handed to write work: `query` reads checked rows, `run` runs a file whose rows nobody reads.
 * Each fills the file's `{{slot}}`s (`shapedCypher`).
 */
export interface Transaction extends RowReader {
  run(name: string, params?: Params, slots?: Slots): Promise<void>;
}

/** What runs a query: a write's managed transaction, or a read's session (one auto-commit transaction). */
type Runner = Pick<ManagedTransaction, 'run'>;

interface Scope {
  operation: string | undefined;
  queries: number;
  /** How long Neo4j lets a read of this view run (undefined: as long as it takes). */
  readTimeoutMs: number | undefined;
}

export class Database implements RowReader {
  private constructor(
    private readonly driver: Driver,
    readonly name: string,
    private readonly scope: Scope,
    private readonly downBecause: () => string | null,
  ) {}

  static connect(options: ConnectOptions): Database {
    // No password means a server without auth (the embedded one); the driver then sends no credentials.
    const auth =
      options.password === undefined ? undefined : neo4j.auth.basic(options.user, options.password);
    const driver = neo4j.driver(options.uri, auth, {
      // Counts and ids fit in 2^53; plain numbers keep every caller free of Integer handling.
      disableLosslessIntegers: true,
      userAgent: 'seslip-kg',
      connectionAcquisitionTimeout: 20_000,
      // Fail within seconds when Neo4j is down, so readiness and health answer promptly.
      connectionTimeout: 5_000,
      maxTransactionRetryTime: 5_000,
    });
    return new Database(
      driver,
      options.database,
      { operation: undefined, queries: 0, readTimeoutMs: READ_TIMEOUT_MS },
      options.downBecause ?? (() => null),
    );
  }

  /** A view for one request: same driver, its own query count and operation name in the metadata. */
  forRequest(operation: string | undefined): Database {
    return new Database(
      this.driver,
      this.name,
      { operation, queries: 0, readTimeoutMs: READ_TIMEOUT_MS },
      this.downBecause,
    );
  }

  /**
   * A view for an ingest's own reads (derive reads every citation of the Reports a batch touched), which serve
   * no request: Neo4j does not cut them at a request's limit. `npm run bench` saw derive fail an ingest of
   * 150 Updates at 5,000 on that limit, on a busy machine.
   */
  forIngest(): Database {
    return new Database(
      this.driver,
      this.name,
      { ...this.scope, readTimeoutMs: undefined },
      this.downBecause,
    );
  }

  /** Cypher queries run through this view so far (the GraphQL layer reports it per request). */
  get queryCount(): number {
    return this.scope.queries;
  }

  /**
   * Runs a read query of the storage layer and checks every row against `rows`, the shape its caller reads
   * (see RowReader). Values are made plain first (`toPlain`), so a shape names numbers and ISO strings, never a
   * driver Integer, temporal or node. `slots` fill the file's `{{slot}}` markers (labels and relationship
   * types; see `shapedCypher`).
   */
  async query<Shape extends z.ZodType>(
    name: string,
    rows: Shape,
    params: Params = {},
    slots: Slots = {},
  ): Promise<z.output<Shape>[]> {
    return this.session('READ', (tx) => this.checkedRows(tx, name, rows, params, slots));
  }

  /**
   * A read the storage layer writes from a projection (src/storage/projection.ts) rather than reads from a
   * file; `name` names it in errors and logs. Its rows are in the projection's own encoding and leave
   * unchecked: the projection's decoders check them as they take them apart.
   */
  queryText<T>(name: string, text: string, params: Params = {}): Promise<T[]> {
    return this.session('READ', async (tx) => {
      const result = await this.runRaw(tx, `the ${name} projection`, text, params);
      return result.records.map((record) => record.toObject() as T);
    });
  }

  /** Runs a write query in a transaction of its own; its rows are not read. */
  async write(name: string, params: Params = {}): Promise<void> {
    await this.session('WRITE', (tx) => this.runRaw(tx, cypherFile(name), cypher(name), params));
  }

  /** Runs `work` in one write transaction: everything it writes commits together or not at all. */
  async writeTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.session('WRITE', (tx) =>
      work({
        query: (name, rows, params = {}, slots = {}) => this.checkedRows(tx, name, rows, params, slots),
        run: async (name, params = {}, slots = {}) => {
          await this.runRaw(tx, cypherFile(name), shapedCypher(name, slots), params);
        },
      }),
    );
  }

  /**
   * Applies cypher/schema.cypher: creates the constraints and indexes it names that the database lacks, then
   * waits for every index to be online. Each statement is `IF NOT EXISTS`, but each costs a round trip and
   * a schema transaction; a command run beside a server that applied them all reads them in one query and
   * runs none. Returns how many statements ran.
   */
  async applySchema(): Promise<number> {
    const session = this.driver.session({ database: this.name });
    try {
      this.scope.queries += 1;
      const standing = (
        await session.run(
          'SHOW INDEXES YIELD name, owningConstraint, state RETURN name, owningConstraint, state',
        )
      ).records.map((record) => record.toObject());
      // A uniqueness constraint shows as the index it owns.
      const present = new Set(standing.flatMap((index) => [index.name, index.owningConstraint]));
      const missing = cypherStatements('schema').filter(
        (statement) => !present.has(schemaObjectName(statement)),
      );
      if (missing.length === 0 && standing.every((index) => index.state === 'ONLINE')) return 0;
      // Schema commands cannot share a transaction with each other in Neo4j, hence one auto-commit each.
      for (const statement of missing) {
        this.scope.queries += 1;
        await session.run(statement);
      }
      await session.run('CALL db.awaitIndexes(300)');
      return missing.length;
    } catch (error) {
      throw mapError(error, 'schema');
    } finally {
      await session.close();
    }
  }

  async serverInfo(): Promise<{ version: string; edition: string }> {
    const [row] = await this.query(
      'server-info',
      z.object({ version: z.string().nullable(), edition: z.string().nullable() }),
    );
    return { version: row?.version ?? 'unknown', edition: row?.edition ?? 'unknown' };
  }

  /** Waits until the server answers, for readiness checks and start-up. */
  async verifyConnectivity(): Promise<void> {
    const down = this.downBecause();
    if (down !== null) throw new DatabaseError('UNAVAILABLE', `Neo4j is unreachable: ${down}`, undefined);
    try {
      await this.driver.verifyConnectivity({ database: this.name });
    } catch (error) {
      throw mapError(error, 'connectivity check');
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async session<T>(mode: 'READ' | 'WRITE', work: (tx: Runner) => Promise<T>): Promise<T> {
    const down = this.downBecause();
    if (down !== null) throw new DatabaseError('UNAVAILABLE', `Neo4j is unreachable: ${down}`, undefined);
    const session = this.driver.session({ database: this.name, defaultAccessMode: mode });
    const config = {
      metadata: { app: 'seslip-kg', ...(this.scope.operation ? { operation: this.scope.operation } : {}) },
      // Reads serve requests: Neo4j itself ends one that runs away. Writes (an Update's load) are not cut.
      ...(mode === 'READ' && this.scope.readTimeoutMs !== undefined
        ? { timeout: this.scope.readTimeoutMs }
        : {}),
    };
    try {
      // A read is one query: an auto-commit transaction runs it in one round trip (RUN and PULL), where a
      // managed one adds BEGIN and COMMIT (measured: 12 against 14 ms median for one hop page). Transient
      // errors are Neo4j's "try again": `npm run soak` (20 readers during an ingest) measured reads failing on
      // "dbms.memory.transaction.total.max reached" while the pool was full. A read has no side effects, so it
      // is retried here after a pause, as the driver retries a managed write transaction.
      return mode === 'READ'
        ? await pRetry(() => work({ run: (text, params) => session.run(text, params, config) }), {
            retries: READ_RETRIES,
            minTimeout: 250,
            factor: 3,
            shouldRetry: ({ error }) => error instanceof DatabaseError && error.code === 'TRANSIENT',
          })
        : await session.executeWrite(work, config);
    } catch (error) {
      // A row of another shape is the caller's error, not the database's: it leaves as it is (RowShapeError).
      if (error instanceof DatabaseError || error instanceof RowShapeError) throw error;
      throw mapError(error, 'transaction');
    } finally {
      await session.close();
    }
  }

  private async checkedRows<Shape extends z.ZodType>(
    tx: Runner,
    name: string,
    rows: Shape,
    params: Params,
    slots: Slots,
  ): Promise<z.output<Shape>[]> {
    const where = cypherFile(name);
    const result = await this.runRaw(tx, where, shapedCypher(name, slots), params);
    const checked = z.array(rows).safeParse(result.records.map((record) => toPlain(record.toObject())));
    if (!checked.success) {
      throw new RowShapeError(`${where} returned a row of another shape: ${z.prettifyError(checked.error)}`);
    }
    return checked.data;
  }

  private async runRaw(tx: Runner, where: string, text: string, params: Params) {
    this.scope.queries += 1;
    try {
      return await tx.run(text, params);
    } catch (error) {
      throw mapError(error, where);
    }
  }
}

const cypherFile = (name: string): string => `cypher/${name}.cypher`;

/** The name a schema statement gives its constraint or index (`CREATE … INDEX item_issue IF NOT EXISTS …`). */
function schemaObjectName(statement: string): string | undefined {
  return /^CREATE\s+(?:\w+\s+)?(?:CONSTRAINT|INDEX)\s+(\w+)\s+IF NOT EXISTS/i.exec(statement)?.[1];
}

function mapError(error: unknown, where: string): DatabaseError {
  if (!(error instanceof Neo4jError)) {
    return new DatabaseError('UNKNOWN', `${where}: ${String(error)}`, undefined, { cause: error });
  }
  const code = error.code;
  const kind: DatabaseErrorCode =
    code === 'ServiceUnavailable' || code === 'SessionExpired'
      ? 'UNAVAILABLE'
      : code.startsWith('Neo.ClientError.Security.')
        ? 'AUTH'
        : code === 'Neo.ClientError.Schema.ConstraintValidationFailed'
          ? 'CONSTRAINT'
          : code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')
            ? 'TIMEOUT'
            : code.startsWith('Neo.TransientError.')
              ? 'TRANSIENT'
              : code.startsWith('Neo.ClientError.')
                ? 'QUERY'
                : 'UNKNOWN';
  const hint: Record<DatabaseErrorCode, string> = {
    UNAVAILABLE: 'Neo4j is unreachable',
    AUTH: 'Neo4j refused the credentials (check NEO4J_USER / NEO4J_PASSWORD)',
    CONSTRAINT: 'a uniqueness constraint was violated',
    TIMEOUT: `the query ran longer than ${READ_TIMEOUT_MS / 1000} s and Neo4j stopped it`,
    QUERY: 'Neo4j rejected the query',
    TRANSIENT: 'a transient Neo4j error persisted after retries',
    UNKNOWN: 'Neo4j failed',
  };
  return new DatabaseError(kind, `${hint[kind]} (${where}): ${error.message}`, code, { cause: error });
}

/** Converts driver values to plain JSON-friendly values. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isTime(value) ||
    isLocalTime(value) ||
    isDuration(value)
  ) {
    return value.toString();
  }
  if (isNode(value) || isRelationship(value)) return toPlain(value.properties);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toPlain(v)]),
    );
  }
  return value;
}
