import { createRequire } from 'node:module';
import { pino, stdTimeFunctions, type DestinationStream } from 'pino';
import type prettyStream from 'pino-pretty';

/**
 * Structured logs on pino: one JSON object a line on stderr when not on a terminal (for collectors), a short
 * readable line on a terminal (pino-pretty). stdout stays free for command output such as `--json`. Secrets
 * that may reach a log line (a password in a config dump, an Authorization header) are redacted.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields | Error): void;
  info(message: string, fields?: LogFields | Error): void;
  warn(message: string, fields?: LogFields | Error): void;
  error(message: string, fields?: LogFields | Error): void;
}

const redact = {
  paths: [
    'password',
    'NEO4J_PASSWORD',
    'API_KEYS',
    'CURATOR_KEYS',
    'authorization',
    'headers.authorization',
    '*.password',
  ],
  censor: '[redacted]',
};

function destination(write: ((line: string) => void) | undefined, readable: boolean): DestinationStream {
  if (write !== undefined) return { write: (chunk: string) => write(chunk.replace(/\n$/, '')) };
  if (readable) {
    // Required only for a terminal: off one, a command would load pino-pretty and its colours for nothing.
    const pretty = createRequire(import.meta.url)('pino-pretty') as typeof prettyStream;
    return pretty({ destination: 2, sync: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' });
  }
  return pino.destination({ fd: 2, sync: true });
}

export function createLogger(
  level: LogLevel = 'info',
  /** Where lines go instead of stderr (tests). */
  write?: (line: string) => void,
  readable: boolean = write === undefined && process.stderr.isTTY === true,
): Logger {
  const logger = pino(
    {
      level,
      base: undefined,
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact,
    },
    destination(write, readable),
  );
  // Yoga hands its own logger calls extra arguments that are not field objects (strings, errors).
  const fieldsOf = (fields: unknown): LogFields =>
    fields instanceof Error
      ? { err: fields }
      : typeof fields === 'object' && fields !== null
        ? (fields as LogFields)
        : fields === undefined
          ? {}
          : { detail: fields };
  return {
    debug: (message, fields) => logger.debug(fieldsOf(fields), message),
    info: (message, fields) => logger.info(fieldsOf(fields), message),
    warn: (message, fields) => logger.warn(fieldsOf(fields), message),
    error: (message, fields) => logger.error(fieldsOf(fields), message),
  };
}

export const silentLogger: Logger = createLogger('error', () => {});
