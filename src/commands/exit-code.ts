// Its own module, free of imports: the CLI's entry point needs these statuses before any command loads.

/**
 * Exit statuses, one per kind of problem, so that a script can tell "fix your input" from "start Neo4j".
 * docs/cli-errors.md lists the message each one comes with.
 */
export const ExitCode = {
  ok: 0,
  /** Some input failed: an Update file, a GraphQL error in `query`. */
  failed: 1,
  /** A wrong command line or an invalid configuration. */
  usage: 2,
  unreachable: 3,
  credentials: 4,
  /** The embedded store is held by another process (the running server). */
  storeInUse: 5,
  /** The HTTP port or the embedded Bolt port is taken. */
  portInUse: 6,
  /** Java or Maven missing, the embedded Neo4j did not start, or the name reader is not installed. */
  setup: 7,
  /** A bug: the message says so, and --debug shows the stack. */
  internal: 70,
} as const;

export type ExitStatus = (typeof ExitCode)[keyof typeof ExitCode];
