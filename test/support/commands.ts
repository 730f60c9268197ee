import { afterAll, afterEach, beforeAll, inject, vi } from 'vitest';

/** What a command printed during one test. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
}

/**
 * For tests that run a `seslip-kg` command in-process (`main([...])`): points its configuration at the test
 * Neo4j (NEO4J_URI from the environment, as the CLI reads it), quietens its log, and captures what it prints,
 * emptied after each test. Registers the hooks; returns the captured output.
 */
export function captureCommands(): CommandOutput {
  const output: CommandOutput = { stdout: '', stderr: '' };
  beforeAll(() => {
    vi.stubEnv('NEO4J_URI', inject('neo4jUri'));
    vi.stubEnv('LOG_LEVEL', 'error');
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output.stdout += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      output.stderr += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    output.stdout = '';
    output.stderr = '';
  });
  afterAll(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });
  return output;
}
