import { GraphQLError } from 'graphql';
import { normaliseName } from '../text/names.js';
import { uidOf, type NodeLabel } from '../graph/index.js';
import { nameCandidates, type NameCandidate } from '../storage/names.js';
import { mergedInto } from '../storage/decisions.js';
import { propsOnly } from '../storage/nodes.js';
import type { NodeProjection } from '../storage/projection.js';
import type { Context } from './context.js';
import { luceneWords } from './lucene.js';

/**
 * Forgiving names: a name given by a user (a lookup such as `network(name:)` or a filter such as
 * `meetings(network:)`) resolves to one node key. An alias in data/ or the exact name wins; otherwise the
 * full-text index is asked for names holding every word (as a prefix, then also as a near miss), and a
 * candidate that clearly outscores the rest wins ("Fostering" → Fostering Network, "Ofstd" → Ofsted). When several could, or none does, the answer is an error that
 * says so and lists the best candidates, never a silent empty answer.
 */

/**
 * What the API asks of the reference data in data/: the canonical name a name or alias stands for. The
 * API declares only this, so that it depends on no extractor; the extractor's Resolver is one.
 */
export interface NameResolver {
  resolveAuthority(name: string): { name: string } | undefined;
  resolveOrganisation(name: string): { name: string } | undefined;
  resolveNetwork(name: string): { name: string } | undefined;
  resolvePerson(raw: string): { name: string };
  /** Whatever kind of body the name stands for. */
  resolveEntity(name: string): { kind: 'authority' | 'organisation' | 'network' } | undefined;
}

/** How far ahead the best candidate must score to win over the next one. */
export const CLEAR_LEAD = 1.5;
const CANDIDATES = 5;

const KIND: Record<NodeLabel, string> = {
  Issue: 'Update',
  Item: 'item',
  Report: 'report',
  Organisation: 'organisation',
  Person: 'person',
  Network: 'network',
  Meeting: 'meeting',
  LocalAuthority: 'local authority',
};

/** The key data/ gives the name (its canonical entry), or the name's own key. */
function exactKey(label: NodeLabel, name: string, { resolver }: Context): string {
  const canonical =
    label === 'Network'
      ? resolver.resolveNetwork(name)?.name
      : label === 'Organisation'
        ? resolver.resolveOrganisation(name)?.name
        : label === 'LocalAuthority'
          ? resolver.resolveAuthority(name)?.name
          : label === 'Person'
            ? resolver.resolvePerson(name).name
            : undefined;
  return normaliseName(canonical ?? name);
}

/** A word as a prefix; words of four letters or more also as a near miss (one or two edits). */
const loosely = (word: string): string =>
  word.length >= 4 ? `(${word}* OR ${word}~)` : `(${word} OR ${word}*)`;

/**
 * Candidates whose names hold every word as a prefix; failing that, every word as a prefix or a near miss.
 * Only these may resolve a name; `suggestions` (any word) only fill a "did you mean".
 */
async function candidatesFor(label: NodeLabel, words: string[], { db }: Context): Promise<NameCandidate[]> {
  const prefixes = await nameCandidates(
    db,
    label,
    words.map((w) => `(${w} OR ${w}*)`).join(' AND '),
    CANDIDATES,
  );
  if (prefixes.length > 0) return prefixes;
  return nameCandidates(db, label, words.map(loosely).join(' AND '), CANDIDATES);
}

const suggestions = (label: NodeLabel, words: string[], { db }: Context): Promise<NameCandidate[]> =>
  nameCandidates(db, label, words.map(loosely).join(' OR '), CANDIDATES);

export const nameNotFound = (label: NodeLabel, name: string, candidates: NameCandidate[]): GraphQLError => {
  const suggestions = candidates.map((c) => c.name);
  const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
  return new GraphQLError(`no ${KIND[label]} is named "${name}"${hint}`, {
    extensions: { code: 'NOT_FOUND', candidates: suggestions },
  });
};

const ambiguous = (label: NodeLabel, name: string, candidates: NameCandidate[]): GraphQLError => {
  const suggestions = candidates.map((c) => c.name);
  return new GraphQLError(
    `"${name}" could be several ${KIND[label]}s: ${suggestions.map((s) => `"${s}"`).join(', ')}; give more of the name`,
    { extensions: { code: 'AMBIGUOUS_NAME', candidates: suggestions } },
  );
};

/**
 * The node key a user's name stands for; throws NOT_FOUND or AMBIGUOUS_NAME (with candidates) otherwise.
 * `projection` is what the caller will load the node with: the existence check then loads it, and the
 * caller's own lookup is answered from the request's cache, not by a second query.
 */
export async function resolveName(
  label: NodeLabel,
  name: string,
  context: Context,
  projection: NodeProjection = propsOnly([]),
): Promise<string> {
  if (label === 'Network' && context.resolver.resolveEntity(name)?.kind === 'organisation') {
    // "The Fostering Network" is the national charity: SESLIP's network never answers for it.
    throw new GraphQLError(`"${name}" is an organisation, not a SESLIP network; ask organisation(name:)`, {
      extensions: { code: 'NOT_FOUND', candidates: [] },
    });
  }
  const key = exactKey(label, name, context);
  if ((await context.loaders.node(uidOf(label, key), projection)) !== null) return key;
  // A name a curator merged into another entity finds the entity it was merged into.
  const kept = await mergedInto(context.db, uidOf(label, key));
  if (kept !== null) return kept.slice(label.length + 1);
  const words = luceneWords(name, 'name');
  const candidates = await candidatesFor(label, words, context);
  const [best, next] = candidates;
  if (best === undefined) throw nameNotFound(label, name, await suggestions(label, words, context));
  if (next === undefined || best.score >= CLEAR_LEAD * next.score) return best.key;
  throw ambiguous(label, name, candidates);
}

/** A filter given as a name: its node key, or null when the filter is not given. */
export const resolveFilter = async (
  label: NodeLabel,
  name: string | null | undefined,
  context: Context,
): Promise<string | null> => (name === null || name === undefined ? null : resolveName(label, name, context));
