import { describe, expect, it } from 'vitest';
import { shapedCypher } from '../../src/db/cypher.js';

describe('relationship types and labels written into read queries', () => {
  it('fills the list query with the label, so the planner scans only that label', () => {
    const text = shapedCypher('list-named', { label: 'Network' });
    expect(text).toContain('MATCH (n:Network)');
    expect(text).not.toContain('{{label}}');
  });

  it('refuses a slot value that is not a plain identifier', () => {
    expect(() => shapedCypher('list-named', { label: 'Network) DETACH DELETE (n' })).toThrow(
      /slot label = .* is not an identifier/,
    );
  });
});
