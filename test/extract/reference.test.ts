import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../src/text/names.js';
import { entities, lookupNames, REGIONS } from '../../src/extract/reference.js';
import { loadReferenceData } from '../../src/load/reference.js';
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
