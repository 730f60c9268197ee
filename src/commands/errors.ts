import { ConfigError } from '../config.js';
import { DatabaseError } from '../db/database.js';
import { EmbeddedNeo4jError, type EmbeddedFailure } from '../db/embedded/failure.js';
import { DatabaseConnectError } from '../db/open.js';
import { NameReaderError } from '../extract/name-reader.js';
import { ExitCode, type ExitStatus } from './exit-code.js';
import { GraphFileError } from '../load/graph-file.js';

/** An error the user can fix: printed as one line, `message — fix`, with its exit status. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    readonly exitCode: ExitStatus,
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

export interface Explained {
  exitCode: ExitStatus;
  /** What went wrong and how to fix it. */
  line: string;
  /** Shown under --debug only: the stack, or the log lines behind a failed start. */
  details: string;
}

const embeddedExit: Record<EmbeddedFailure, ExitStatus> = {
  JAVA_MISSING: ExitCode.setup,
  MAVEN_FAILED: ExitCode.setup,
  START_FAILED: ExitCode.setup,
  PORT_IN_USE: ExitCode.portInUse,
  STORE_IN_USE: ExitCode.storeInUse,
};

/** Turns any error into the one line the CLI prints; an unknown one is reported as the bug it is. */
export function explain(error: unknown): Explained {
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const known = (exitCode: ExitStatus, message: string, fix: string, details = stack): Explained => ({
    exitCode,
    line: `${message} — ${fix}`,
    details,
  });
  if (error instanceof CliError) return known(error.exitCode, error.message, error.fix);
  if (error instanceof ConfigError) {
    return { exitCode: ExitCode.usage, line: error.message, details: stack };
  }
  if (error instanceof NameReaderError) return known(ExitCode.setup, error.message, error.fix);
  if (error instanceof GraphFileError) return known(ExitCode.failed, error.message, error.fix);
  if (error instanceof EmbeddedNeo4jError) {
    return known(embeddedExit[error.reason], error.message, error.fix, error.details || stack);
  }
  if (error instanceof DatabaseConnectError) {
    return error.cause.code === 'AUTH'
      ? known(ExitCode.credentials, error.message, 'check NEO4J_USER and NEO4J_PASSWORD')
      : known(
          ExitCode.unreachable,
          error.message,
          'start that Neo4j, correct NEO4J_URI, or unset NEO4J_URI to use the embedded Neo4j',
          `${error.cause.message}\n${stack}`,
        );
  }
  if (error instanceof DatabaseError && (error.code === 'UNAVAILABLE' || error.code === 'AUTH')) {
    return error.code === 'AUTH'
      ? known(ExitCode.credentials, 'Neo4j refused the credentials', 'check NEO4J_USER and NEO4J_PASSWORD')
      : known(
          ExitCode.unreachable,
          'Neo4j stopped answering',
          'check that it is running, then run the command again',
        );
  }
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return known(
    ExitCode.internal,
    `internal error: ${message}`,
    'run again with --debug and report the output',
  );
}
