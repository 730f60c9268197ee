import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';

/** The logger (pino): JSON lines a collector can read, levels honoured, secrets never written. */

function capture(level: 'debug' | 'info' | 'warn' | 'error') {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger(level, (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  return { log, lines };
}

describe('logger', () => {
  it('writes one JSON object a line with level name, ISO time, message and fields', () => {
    const { log, lines } = capture('info');
    log.info('embedded Neo4j ready', { uri: 'bolt://127.0.0.1:7687', pid: 42 });
    expect(lines).toEqual([
      {
        level: 'info',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        uri: 'bolt://127.0.0.1:7687',
        pid: 42,
        msg: 'embedded Neo4j ready',
      },
    ]);
  });

  it('drops lines below its level', () => {
    const { log, lines } = capture('warn');
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(lines.map((line) => line.level)).toEqual(['warn', 'error']);
  });

  it('redacts passwords and authorization headers', () => {
    const { log, lines } = capture('info');
    log.info('config', {
      NEO4J_PASSWORD: 'hunter2-secret',
      headers: { authorization: 'Bearer key-aaaaaaaaaaaaaaaa' },
    });
    expect(JSON.stringify(lines)).not.toMatch(/hunter2|key-a/);
    expect(lines[0]).toMatchObject({
      NEO4J_PASSWORD: '[redacted]',
      headers: { authorization: '[redacted]' },
    });
  });

  it('serialises an Error handed to it with its message and stack', () => {
    const { log, lines } = capture('info');
    log.error('request failed', new Error('boom'));
    expect(lines[0]).toMatchObject({
      msg: 'request failed',
      err: { message: 'boom', stack: expect.stringMatching(/^Error: boom/) },
    });
  });
});
