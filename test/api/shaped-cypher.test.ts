import { describe, expect, it } from 'vitest';
import { shapedCypher } from '../../src/db/cypher.js';

describe('relationship types and labels written into read queries', () => {
  it('fills the hop query with the type, so the planner expands only that type', () => {
    const text = shapedCypher('hop-page', { type: 'BASED_AT' });
    expect(text).toContain('-[rel:BASED_AT]-');
    expect(text).not.toContain('{{type}}');
  });

  it('refuses a slot value that is not a plain identifier', () => {
    expect(() => shapedCypher('hop-page', { type: 'BASED_AT]-() DETACH DELETE (n' })).toThrow(
      /slot type = .* is not an identifier/,
    );
  });
});
