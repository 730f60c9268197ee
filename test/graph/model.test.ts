import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.js';
import { extractGraph } from '../../src/extract/extract.js';
import { loadResolver } from '../../src/load/reference.js';
import { EDGE_TYPES, NODE_LABELS } from '../../src/graph/index.js';
import { parseUpdateFile } from '../../src/parse/index.js';
import { recordMisfits } from '../support/fuzz.js';
import { parseOptions } from '../parse/helpers.js';

/**
 * The graph model (src/graph) is the one description of the graph: what the extractor writes must fit it,
 * and the Cypher that lists labels and types by name must name exactly its labels and types.
 */

const fixtureDirs = [
  'seed',
  'test/fixtures/parse/layouts/2018-2019',
  'test/fixtures/parse/layouts/2019-2022',
  'test/fixtures/parse/layouts/2023-2025',
];
const updates = fixtureDirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => join(dir, name)),
);

describe('the graph model', () => {
  it('covers every node, property and edge the extractor writes, seeds and layout fixtures alike', async () => {
    const resolver = await loadResolver();
    expect(updates.length).toBeGreaterThan(10);
    const misfits: string[] = [];
    for (const path of updates) {
      const records = extractGraph(await parseUpdateFile(path, parseOptions), resolver);
      misfits.push(...recordMisfits(records).map((misfit) => `${path}: ${misfit}`));
    }
    expect(misfits).toEqual([]);
  });

  it('is what the count queries list, label by label and type by type', () => {
    const named = (file: string, pattern: RegExp) =>
      [...cypher(file).matchAll(pattern)].map((m) => m[1]).sort();
    expect(named('stats-nodes', /RETURN '(\w+)' AS label/g)).toEqual([...NODE_LABELS].sort());
    expect(named('stats-edges', /RETURN '(\w+)' AS type/g)).toEqual([...EDGE_TYPES].sort());
  });
});
