/** Why the embedded Neo4j could not be started; each has its own fix, which the CLI prints. */
export type EmbeddedFailure =
  'JAVA_MISSING' | 'MAVEN_FAILED' | 'PORT_IN_USE' | 'STORE_IN_USE' | 'START_FAILED';

export class EmbeddedNeo4jError extends Error {
  override name = 'EmbeddedNeo4jError';
  constructor(
    readonly reason: EmbeddedFailure,
    message: string,
    /** What the operator should do, in one sentence. */
    readonly fix: string,
    /** Log lines that explain a failed start (shown under --debug). */
    readonly details: string = '',
  ) {
    super(message);
  }
}
