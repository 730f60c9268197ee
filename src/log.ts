/**
 * Structured logs: one JSON object a line on stderr when not on a terminal (for collectors),
 * a short readable line on a terminal. stdout stays free for command output such as `--json`.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stderr.write(line + '\n'),
  pretty: boolean = process.stderr.isTTY === true,
): Logger {
  const emit =
    (at: LogLevel) =>
    (message: string, fields: LogFields = {}) => {
      if (rank[at] < rank[level]) return;
      if (pretty) {
        const extra = Object.keys(fields).length > 0 ? ' ' + JSON.stringify(fields) : '';
        write(`${at.padEnd(5)} ${message}${extra}`);
      } else {
        write(JSON.stringify({ time: new Date().toISOString(), level: at, msg: message, ...fields }));
      }
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export const silentLogger: Logger = createLogger('error', () => {});
