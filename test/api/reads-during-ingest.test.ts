import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/api/examples.js';
import { ingestFiles } from '../../src/load/ingest.js';
import { loadResolver } from '../../src/load/reference.js';
import { writeSyntheticUpdates } from '../support/synthetic-updates.js';
import { graphql, useSeededApi } from './helpers.js';

/**
 * Consistent reads: a GraphQL request never fails because an ingest runs beside it — not while new Updates
 * arrive, nor while known ones are retracted and replaced (a forced reload). Readers send the example
 * queries (evidence, its Updates and items included) until the ingest is done; every answer must be clean.
 */
const api = useSeededApi();

const READERS = 8;

describe('reads during an ingest', () => {
  it('no request fails while Updates are added and replaced', { timeout: 600_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seslip-kg-reads-'));
    try {
      const synthetic = await writeSyntheticUpdates(dir, 15);
      const resolver = await loadResolver();
      let writing = true;
      const failures: string[] = [];
      let answered = 0;
      const reader = async (offset: number) => {
        for (let i = offset; writing; i += 1) {
          const example = EXAMPLES[i % EXAMPLES.length]!;
          const result = await graphql(api.app, example.query);
          answered += 1;
          if (result.errors !== undefined)
            failures.push(`${example.title}: ${JSON.stringify(result.errors)}`);
        }
      };
      const readers = Array.from({ length: READERS }, (_, i) => reader(i));
      try {
        const added = await ingestFiles(api.opened.db, resolver, synthetic);
        const replaced = await ingestFiles(api.opened.db, resolver, ['seed'], { force: true });
        expect(added.counts).toMatchObject({ loaded: 15, failed: 0 });
        expect(replaced.counts).toMatchObject({ failed: 0 });
      } finally {
        writing = false;
        await Promise.all(readers);
      }
      expect(failures).toEqual([]);
      expect(answered).toBeGreaterThan(READERS);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
