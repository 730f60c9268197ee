import { describe, expect, it } from 'vitest';
import {
  foldVersions,
  needsPrevious,
  propertyChanges,
  said,
  withoutVersion,
  withVersion,
} from '../../src/load/versions.js';

/** The bounded summaries of shared nodes and edges (src/load/versions.ts), without a database. */
describe('versions', () => {
  it('keeps one description per distinct wording, with how many Updates gave it and the newest', () => {
    let versions = withVersion([], 515, said({ name: 'QA Network', time: '2pm' }));
    versions = withVersion(versions, 600, said({ time: '2pm', name: 'QA Network' }));
    versions = withVersion(versions, 518, said({ name: 'QA Network', time: '3pm' }));
    expect(versions).toEqual([
      '1 518 {"name":"QA Network","time":"3pm"}',
      '2 600 {"name":"QA Network","time":"2pm"}',
    ]);
  });

  it('does not grow with the Updates that describe a node alike', () => {
    let versions: string[] = [];
    for (let n = 1; n <= 5000; n += 1) versions = withVersion(versions, n, said({ name: 'Ofsted' }));
    expect(versions).toEqual(['5000 5000 {"name":"Ofsted"}']);
  });

  it('folds to the newest Update’s value whatever the loading order, lists united', () => {
    const loads: [number, Record<string, string | string[] | null>][] = [
      [10, { name: 'Ofsted', kind: 'regulator', aliases: ['OFSTED'] }],
      [30, { name: 'Ofsted', kind: null, aliases: ['Office for Standards'] }],
      [20, { name: 'ofsted', kind: 'inspectorate', aliases: [] }],
    ];
    const forwards = loads.reduce((v, [n, p]) => withVersion(v, n, said(p)), [] as string[]);
    const backwards = [...loads].reverse().reduce((v, [n, p]) => withVersion(v, n, said(p)), [] as string[]);
    expect(backwards).toEqual(forwards);
    expect(foldVersions(forwards)).toEqual({
      name: 'Ofsted',
      kind: 'inspectorate',
      aliases: ['OFSTED', 'Office for Standards'],
    });
  });

  it('taking an Update back restores what the others said, and says which properties go', () => {
    const versions = withVersion(
      withVersion([], 515, said({ time: '2pm' })),
      518,
      said({ time: '3pm', topic: 'audit' }),
    );
    const json = said({ time: '3pm', topic: 'audit' });
    expect(needsPrevious(versions, 518, json)).toBe(false);
    const remaining = withoutVersion(versions, 518, json);
    expect(remaining).toEqual(['1 515 {"time":"2pm"}']);
    expect(propertyChanges(foldVersions(versions), foldVersions(remaining))).toEqual({
      time: '2pm',
      topic: null,
    });
    expect(withVersion(remaining, 518, said({}))).toEqual(remaining);
  });

  it('taking back the newest of several alike needs the next newest, which the caller looks up', () => {
    const json = said({ time: '2pm' });
    const versions = [515, 520, 518].reduce((v, n) => withVersion(v, n, json), [] as string[]);
    expect(versions).toEqual(['3 520 {"time":"2pm"}']);
    expect(needsPrevious(versions, 518, json)).toBe(false);
    expect(withoutVersion(versions, 518, json)).toEqual(['2 520 {"time":"2pm"}']);
    expect(needsPrevious(versions, 520, json)).toBe(true);
    expect(withoutVersion(versions, 520, json, 518)).toEqual(['2 518 {"time":"2pm"}']);
    expect(() => withoutVersion(versions, 520, json)).toThrow(/needed/);
  });
});
