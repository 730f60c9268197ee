import { PhraseMatcher } from './matcher.js';
import { normaliseName } from '../text/names.js';
import { canonicalPersonName, type PersonName } from './people.js';
import {
  entities,
  entityIndex,
  personIndex,
  type Authority,
  type Entity,
  type Network,
  type Organisation,
  type ReferenceData,
} from './reference.js';

/**
 * Entity resolution for the extractor: from a name as written to the canonical entry in data/.
 *
 * An authority acting as a publisher or commissioner ("Essex County Council were commissioned by the
 * DfE") stays an authority: there is no Organisation twin of a council. Use resolveEntity for fields
 * that may hold either (publishers, contacts' organisations) and branch on `kind`.
 */

/** A body named in a piece of text: what it is, and exactly where and how it was written. */
export type Mention = Entity & {
  /** Canonical name. */
  name: string;
  /** The words as written in the text. */
  text: string;
  /** Index of the first character of `text` in the searched string. */
  offset: number;
};

/** A network whose lexicon a text uses, and the terms (as in networks.json) that it uses. */
export interface NetworkTopic {
  network: Network;
  terms: string[];
}

export interface Resolver {
  resolveAuthority(name: string): Authority | undefined;
  resolveOrganisation(name: string): Organisation | undefined;
  resolveNetwork(name: string): Network | undefined;
  /** Any body, whatever its kind: for publishers and other fields that may name an authority or an organisation. */
  resolveEntity(name: string): Entity | undefined;
  /** Every authority, organisation and network named in the text, in order; the longest name wins where names overlap. */
  findMentions(text: string): readonly Mention[];
  /** The networks whose topic lexicon the text uses: the evidence for derived FEEDS edges. */
  networkTopics(text: string): NetworkTopic[];
  /** The canonical form of a person's name, with the variants known from people.json. */
  resolvePerson(raw: string): PersonName;
}

interface EntryByKind {
  authority: Authority;
  organisation: Organisation;
  network: Network;
}

export function createResolver(data: ReferenceData): Resolver {
  const index = entityIndex(data);
  const people = personIndex(data);
  const names = new PhraseMatcher(entities(data).flatMap(searchablePhrases), { plurals: false });
  const terms = new PhraseMatcher(
    data.networks.flatMap((network) =>
      network.terms.flatMap((term) =>
        [term, ...singularOf(term)].map((phrase) => ({
          phrase,
          value: { network, term, derived: phrase !== term },
        })),
      ),
    ),
    { plurals: true },
  );

  const resolveEntity = (name: string): Entity | undefined => {
    const entity = index.get(normaliseName(name));
    return entity?.kind === 'network' && namesNationalBody(name) ? nationalBody(name) : entity;
  };
  const resolveKind =
    <K extends keyof EntryByKind>(kind: K) =>
    (name: string): EntryByKind[K] | undefined => {
      const entity = resolveEntity(name);
      return entity?.kind === kind ? (entity.entry as EntryByKind[K]) : undefined;
    };

  return {
    resolveAuthority: resolveKind('authority'),
    resolveOrganisation: resolveKind('organisation'),
    resolveNetwork: resolveKind('network'),
    resolveEntity,

    findMentions: (text) =>
      names.longest(text).map((m): Mention => {
        const article = ARTICLE_BEFORE.exec(text.slice(0, m.start));
        if (m.value.kind === 'network' && article !== null) {
          const written = `${article[1]}${m.text}`;
          return {
            ...nationalBody(written),
            name: written,
            text: written,
            offset: m.start - article[1]!.length,
          };
        }
        return { ...m.value, name: m.value.entry.name, text: m.text, offset: m.start };
      }),

    networkTopics: (text) => {
      const found = new Map<Network, Set<string>>();
      for (const m of terms.all(text)) {
        if (m.value.derived && COMPOUND_BEFORE.test(text.slice(0, m.start))) continue;
        const seen = found.get(m.value.network) ?? new Set<string>();
        found.set(m.value.network, seen.add(m.value.term));
      }
      return Array.from(found, ([network, used]) => ({ network, terms: [...used] }));
    },

    resolvePerson: (raw) => {
      const parsed = canonicalPersonName(raw);
      const known = [parsed.name, ...parsed.variants]
        .map((n) => people.get(normaliseName(n)))
        .find((p) => p !== undefined);
      if (known === undefined) return parsed;
      const variants = new Set([...known.variants, parsed.name, ...parsed.variants]);
      variants.delete(known.name);
      return { name: known.name, variants: [...variants] };
    },
  };
}

/**
 * The resolver as one Update's rules use it: several rules read the same sentence's mentions (its
 * mentions, the reader's spans that overlap them, the networks its people lead), so each text is
 * searched once. The answers are shared between the rules, hence read-only.
 */
export function resolverForOneUpdate(resolver: Resolver): Resolver {
  const mentionsOf = new Map<string, readonly Mention[]>();
  return {
    resolveAuthority: (name) => resolver.resolveAuthority(name),
    resolveOrganisation: (name) => resolver.resolveOrganisation(name),
    resolveNetwork: (name) => resolver.resolveNetwork(name),
    resolveEntity: (name) => resolver.resolveEntity(name),
    findMentions: (text) => {
      let mentions = mentionsOf.get(text);
      if (mentions === undefined) {
        mentions = resolver.findMentions(text);
        mentionsOf.set(text, mentions);
      }
      return mentions;
    },
    networkTopics: (text) => resolver.networkTopics(text),
    resolvePerson: (raw) => resolver.resolvePerson(raw),
  };
}

/**
 * "The Fostering Network" is the national charity; SESLIP's network is written "Fostering Network",
 * "the Fostering Network" or "SE Fostering Network". A capitalised "The" inside a sentence, or opening
 * a name given alone (a publisher), is part of the name: the words are a body's own name, so a network's
 * name so written is an organisation, named as written. A sentence's first "The" says nothing ("The
 * AD Safeguarding Network met in Guildford").
 */
const ARTICLE_BEFORE = /\S[^\p{L}]*\s(The\s+)$/u;
const namesNationalBody = (name: string): boolean => /^The\s/u.test(name.trim());
const nationalBody = (written: string): Entity => ({
  kind: 'organisation',
  entry: { name: written.trim().replace(/\s+/gu, ' '), aliases: [] },
});

/**
 * The singular of a plural lexicon term, so that "exclusion" reads as the term "exclusions" (the
 * matcher already reads plurals of singular terms). Only for phrases ("care leavers" → "care
 * leaver") and words in -ions or -ments: a single word such as "adopters" was chosen over its
 * singular on purpose ("Early Adopter" is about schools).
 */
// "social exclusion", "digital exclusion": an adjective before a singular the lexicon does not write
// makes another compound, so the singular form counts only without one.
const COMPOUND_BEFORE = /\b\p{Ll}+(?:al|ic)\s+$/u;

function singularOf(term: string): string[] {
  const phrase = term.includes(' ');
  if (/[^s]s$/u.test(term) && (phrase || /(?:ions|ments)$/u.test(term))) {
    return [term.replace(/(?:(?<=(?:ch|sh|x|ss))es|s)$/u, '')];
  }
  return [];
}

/** The names searched for in prose: all but the ambiguous ones. */
function searchablePhrases(entity: Entity): { phrase: string; value: Entity }[] {
  const ambiguous = new Set((entity.entry.ambiguousAliases ?? []).map(normaliseName));
  return [entity.entry.name, ...entity.entry.aliases]
    .filter((phrase) => !ambiguous.has(normaliseName(phrase)))
    .map((phrase) => ({ phrase, value: entity }));
}
