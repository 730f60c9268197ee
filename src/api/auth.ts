import { createHash, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Config } from '../config.js';

/**
 * Who may record decisions: a request with `Authorization: Bearer <key>` whose key is one of CURATOR_KEYS
 * (`name:key` pairs). Keys are compared in constant time (digests of equal length through timingSafeEqual,
 * every key compared whatever matched before), and never logged or echoed.
 */

/** What the request's bearer key says about a curator: who (their name), a key that is no curator's, or none. */
export type Curator = { name: string } | 'not-a-curator' | 'no-key';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

export function curatorOf(bearer: string | undefined, config: Pick<Config, 'CURATOR_KEYS'>): Curator {
  if (bearer === undefined) return 'no-key';
  const given = digest(bearer);
  let found: string | null = null;
  for (const { name, key } of config.CURATOR_KEYS) {
    if (timingSafeEqual(given, digest(key)) && found === null) found = name;
  }
  return found === null ? 'not-a-curator' : { name: found };
}

/** The curator's name, or the refusal: UNAUTHENTICATED without a key, FORBIDDEN with one that is no curator's. */
export function requireCurator(curator: Curator): string {
  if (curator === 'no-key')
    throw new GraphQLError('recording a decision needs a curator key: send Authorization: Bearer <key>', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  if (curator === 'not-a-curator')
    throw new GraphQLError('this key may not record decisions: it is not one of CURATOR_KEYS', {
      extensions: { code: 'FORBIDDEN' },
    });
  return curator.name;
}
