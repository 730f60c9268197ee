import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReferenceDataError, type ReferenceData } from '../../src/extract/reference.js';
import { loadReferenceData } from '../../src/load/reference.js';

/** data/ is read by the load layer and checked by the extractor, which reads no files itself. */

describe('loadReferenceData', () => {
  let dir: string;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const kent = { name: 'Kent', aliases: ['KCC'], seslip: true, region: 'South East', type: 'county' };
  const qa = { name: 'QA Network', aliases: [], terms: ['quality assurance'] };

  async function folder(files: Record<string, unknown>): Promise<string> {
    dir = await mkdtemp(path.join(tmpdir(), 'seslip-ref-'));
    const complete = {
      'local-authorities.json': { authorities: [kent] },
      'organisations.json': { organisations: [] },
      'networks.json': { networks: [qa] },
      ...files,
    };
    for (const [name, content] of Object.entries(complete)) {
      await writeFile(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
    }
    return dir;
  }

  it('loads a minimal folder, people.json being optional, and caches it', async () => {
    const loaded: Promise<ReferenceData> = loadReferenceData(await folder({}));
    expect((await loaded).people).toEqual([]);
    expect(await loadReferenceData(dir)).toBe(await loaded);
  });

  it('names the file, the entry and the field of a bad entry', async () => {
    const bad = { ...kent, name: 'Medway', region: 'Kentish Weald' };
    await expect(
      loadReferenceData(await folder({ 'local-authorities.json': { authorities: [kent, bad] } })),
    ).rejects.toThrow(/local-authorities\.json: authorities\[1\] \("Medway"\)\.region: /);
  });

  it('refuses a misspelt field rather than ignoring it', async () => {
    const typo = { name: 'Ofsted', alias: ['Oftsed'] };
    await expect(
      loadReferenceData(await folder({ 'organisations.json': { organisations: [typo] } })),
    ).rejects.toThrow(/organisations\.json: organisations\[0\] \("Ofsted"\)/);
  });

  it('refuses an alias that two entries share, even in different files', async () => {
    const clash = { name: 'Kent Children’s Centre', aliases: ['K.C.C.'] };
    await expect(
      loadReferenceData(await folder({ 'organisations.json': { organisations: [clash] } })),
    ).rejects.toThrow(
      /"K\.C\.C\." names both authority "Kent" in local-authorities\.json and organisation "Kent Children’s Centre" in organisations\.json/,
    );
  });

  it('refuses invalid JSON and dangling references, then picks up the fix', async () => {
    await expect(loadReferenceData(await folder({ 'networks.json': '{"networks": [' }))).rejects.toThrow(
      /networks\.json: not valid JSON/,
    );
    await writeFile(path.join(dir, 'networks.json'), JSON.stringify({ networks: [qa] }));
    await expect(loadReferenceData(dir)).resolves.toMatchObject({ networks: [qa] });

    const orphan = { name: 'Steering Group', aliases: [], parent: 'Nobody' };
    await expect(
      loadReferenceData(await folder({ 'organisations.json': { organisations: [orphan] } })),
    ).rejects.toThrow(ReferenceDataError);
  });
});
