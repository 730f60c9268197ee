import { describe, expect, it } from 'vitest';
import { foldVersions, propertyChanges, withoutVersion, withVersion } from '../../src/load/versions.js';

/** The per-Update descriptions of shared nodes and edges (src/load/versions.ts), without a database. */
describe('versions', () => {
  it('keeps one description per distinct wording, with the Updates that gave it', () => {
    let versions = withVersion([], 515, { name: 'QA Network', time: '2pm' });
    versions = withVersion(versions, 600, { time: '2pm', name: 'QA Network' });
    versions = withVersion(versions, 518, { name: 'QA Network', time: '3pm' });
    expect(versions).toEqual([
      '518 {"name":"QA Network","time":"3pm"}',
      '515,600 {"name":"QA Network","time":"2pm"}',
    ]);
  });

  it('folds to the newest Update’s value whatever the loading order, lists united', () => {
    const loads: [number, Record<string, string | string[] | null>][] = [
      [10, { name: 'Ofsted', kind: 'regulator', aliases: ['OFSTED'] }],
      [30, { name: 'Ofsted', kind: null, aliases: ['Office for Standards'] }],
      [20, { name: 'ofsted', kind: 'inspectorate', aliases: [] }],
    ];
    const forwards = loads.reduce((v, [n, p]) => withVersion(v, n, p), [] as string[]);
    const backwards = [...loads].reverse().reduce((v, [n, p]) => withVersion(v, n, p), [] as string[]);
    expect(backwards).toEqual(forwards);
    expect(foldVersions(forwards)).toEqual({
      name: 'Ofsted',
      kind: 'inspectorate',
      aliases: ['OFSTED', 'Office for Standards'],
    });
  });

  it('taking an Update back restores what the others said, and says which properties go', () => {
    const versions = withVersion(withVersion([], 515, { time: '2pm' }), 518, { time: '3pm', topic: 'audit' });
    const remaining = withoutVersion(versions, 518);
    expect(remaining).toEqual(['515 {"time":"2pm"}']);
    expect(propertyChanges(foldVersions(versions), foldVersions(remaining))).toEqual({
      time: '2pm',
      topic: null,
    });
    expect(withVersion(versions, 518, {})).toEqual(remaining);
  });
});
