import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { normaliseName } from '../../src/text/names.js';
import {
  entities,
  loadReferenceData,
  lookupNames,
  REGIONS,
  ReferenceDataError,
  type ReferenceData,
} from '../../src/extract/reference.js';
import { createResolver } from '../../src/extract/resolve.js';

const data = await loadReferenceData();
const resolver = createResolver(data);
const current = data.authorities.filter((a) => a.abolished === undefined);

describe('local authorities', () => {
  it('has exactly the 19 SESLIP authorities, all in the South East', () => {
    const seslip = data.authorities.filter((a) => a.seslip);
    expect(seslip).toHaveLength(19);
    expect(seslip.every((a) => a.region === 'South East')).toBe(true);
    expect(current.filter((a) => a.region === 'South East')).toEqual(seslip);
  });

  it('has every current English upper-tier authority, region by region', () => {
    const perRegion = Object.fromEntries(
      REGIONS.map((r) => [r, current.filter((a) => a.region === r).length]),
    );
    expect(perRegion).toEqual({
      'North East': 12,
      'North West': 24,
      'Yorkshire and the Humber': 15,
      'East Midlands': 10,
      'West Midlands': 14,
      'East of England': 11,
      London: 33,
      'South East': 19,
      'South West': 15,
    });
    expect(current).toHaveLength(153);
  });

  it('knows the non-SESLIP authorities that the seeds name', () => {
    for (const name of ['Essex County Council', 'Hertfordshire', 'Leeds', 'North Yorkshire']) {
      expect(resolver.resolveAuthority(name)?.seslip, name).toBe(false);
    }
  });

  it('keeps abolished authorities, pointing at their successors', () => {
    expect(resolver.resolveAuthority('Northamptonshire County Council')).toMatchObject({
      abolished: '2021-04-01',
      successors: ['North Northamptonshire', 'West Northamptonshire'],
    });
  });

  it("does not make children's-services companies aliases of their councils", () => {
    for (const company of ['Achieving for Children', 'Brighter Futures for Children']) {
      expect(resolver.resolveAuthority(company), company).toBeUndefined();
      expect(resolver.resolveOrganisation(company)?.kind).toBe("children's services company");
    }
  });
});

describe('every file', () => {
  it('resolves every name and alias to its own entry', () => {
    for (const entity of entities(data)) {
      for (const name of lookupNames(entity.entry)) {
        expect(resolver.resolveEntity(name)?.entry, name).toBe(entity.entry);
        expect(resolver.resolveEntity(name.toUpperCase())?.entry, name).toBe(entity.entry);
      }
    }
  });

  it('never gives one name to two entries, across files', () => {
    const owners = new Map<string, Set<string>>();
    for (const { kind, entry } of entities(data)) {
      for (const name of lookupNames(entry)) {
        const key = normaliseName(name);
        owners.set(key, (owners.get(key) ?? new Set()).add(`${kind}:${entry.name}`));
      }
    }
    expect([...owners].filter(([, who]) => who.size > 1)).toEqual([]);
  });

  it('has specific network terms, never words that occur in every item', () => {
    const tooBroad = [
      'education',
      'school',
      'schools',
      'children',
      'care',
      'data',
      'family',
      'health',
      'social care',
      'send',
    ];
    for (const network of data.networks) {
      expect(network.terms.length, network.name).toBeGreaterThan(0);
      expect(
        network.terms.filter((t) => tooBroad.includes(t)),
        network.name,
      ).toEqual([]);
    }
  });
});

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
    await expect(loadReferenceData(dir)).resolves.toBeDefined();

    const orphan = { name: 'Steering Group', aliases: [], parent: 'Nobody' };
    await expect(
      loadReferenceData(await folder({ 'organisations.json': { organisations: [orphan] } })),
    ).rejects.toThrow(ReferenceDataError);
  });
});
