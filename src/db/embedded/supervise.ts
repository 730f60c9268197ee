import pRetry from 'p-retry';
import type { Logger } from '../../log.js';

/** What the supervisor needs of an embedded Neo4j: when it dies, and how to start it again. */
export interface Restartable<T extends Restartable<T>> {
  pid: number;
  uri: string;
  exited: Promise<{ code: number | null; signal: string | null }>;
  /** A new run on the same folder and port, under the lock already held. */
  relaunch(): Promise<T>;
  stop(): Promise<void>;
}

export type SupervisorState = 'running' | 'restarting' | 'failed';

export interface Supervised<T> {
  /** The Neo4j running now (a new one after each restart). */
  readonly current: T;
  readonly state: SupervisorState;
  /** Restarts done so far, over the supervisor's life. */
  readonly restarts: number;
  stop(): Promise<void>;
}

export interface RestartPolicy {
  /** Attempts after one crash before giving up. */
  attempts: number;
  /** Wait before the first attempt; doubled for each next one. */
  firstDelayMs: number;
}

/**
 * Keeps an embedded Neo4j running for a long-lived process (serve): when the JVM dies without stop() (a crash,
 * the OOM killer, kill -9), it is started again on the same port and folder, so the driver reconnects to the
 * same URI, after 1 s, 2 s, 4 s… up to `attempts` tries (p-retry), each logged. Neo4j's own recovery replays
 * the transaction log, so a committed Update is kept and an interrupted one is absent.
 */
export function supervise<T extends Restartable<T>>(
  first: T,
  log: Logger,
  policy: RestartPolicy = { attempts: 5, firstDelayMs: 1000 },
): Supervised<T> {
  let current = first;
  let state: SupervisorState = 'running';
  let restarts = 0;
  const stopping = new AbortController();
  const restart = async (): Promise<T> => {
    await new Promise((done) => setTimeout(done, policy.firstDelayMs));
    return pRetry(() => current.relaunch(), {
      retries: policy.attempts - 1,
      minTimeout: policy.firstDelayMs * 2,
      factor: 2,
      randomize: false,
      signal: stopping.signal,
      onFailedAttempt: ({ error, attemptNumber }) =>
        log.warn('embedded Neo4j restart failed', {
          attempt: attemptNumber,
          of: policy.attempts,
          error: error.message,
        }),
    });
  };
  const watch = async (): Promise<void> => {
    for (;;) {
      const exit = await current.exited;
      if (stopping.signal.aborted) return;
      log.error('embedded Neo4j exited unexpectedly; restarting it', { ...exit, pid: current.pid });
      state = 'restarting';
      let restarted: T;
      try {
        restarted = await restart();
      } catch {
        state = 'failed';
        if (!stopping.signal.aborted)
          log.error('embedded Neo4j could not be restarted; giving up', { ...policy });
        return;
      }
      if (stopping.signal.aborted) {
        await restarted.stop();
        return;
      }
      current = restarted;
      restarts += 1;
      state = 'running';
      log.info('embedded Neo4j restarted', { uri: current.uri, pid: current.pid, restarts });
    }
  };
  void watch();
  return {
    get current() {
      return current;
    },
    get state() {
      return state;
    },
    get restarts() {
      return restarts;
    },
    stop: async () => {
      stopping.abort();
      await current.stop();
    },
  };
}
