import { normaliseName } from '../text/names.js';
import { sentences } from '../text/sentences.js';
import { possiblySamePerson } from './people.js';
import type { Evidence, Properties } from './records.js';
import type { Resolver } from './resolve.js';

/**
 * Edges computed over the whole graph rather than read from one sentence. Pure functions: candidates
 * in (read by src/load/derive.ts), edges out. Recomputed from scratch after every ingest and by
 * `seslip-kg derive`, so an edited lexicon in data/networks.json takes effect without re-ingesting.
 * - FEEDS: a Report feeds a Network when an Item citing it names the network, names the network's
 *   contact person, or uses the network's topic lexicon. The edge records the strongest rule that fired,
 *   every rule, the matched terms, and the Items as evidence.
 * - POSSIBLY_SAME_AS: two Person nodes with the same surname and first initial but different names, left
 *   for a person to decide rather than merged.
 */

export interface DerivedEdge {
  /** `Label:key` of each end. */
  from: string;
  to: string;
  type: 'FEEDS' | 'POSSIBLY_SAME_AS';
  props: Properties;
}

/** An Item citing a Report, with the networks the item names directly or through a network's contact. */
export interface FeedsCandidate {
  report: string;
  item: string;
  date: string;
  title: string;
  text: string;
  namedNetworks: { network: string; name: string }[];
  namedContacts: { network: string; person: string }[];
}

type FeedsRule = 'names-network' | 'names-contact' | 'topic-lexicon';
const RULE_STRENGTH: FeedsRule[] = ['names-network', 'names-contact', 'topic-lexicon'];

interface FeedsAccumulator {
  report: string;
  network: string;
  rules: Set<FeedsRule>;
  terms: Set<string>;
  evidence: Map<string, Evidence>;
}

/** FEEDS edges to the networks in `networks` (their keys), from the candidates' rules. */
export function feedsEdges(
  candidates: FeedsCandidate[],
  networks: ReadonlySet<string>,
  resolver: Resolver,
): DerivedEdge[] {
  const pairs = new Map<string, FeedsAccumulator>();
  const fire = (report: string, network: string, rule: FeedsRule, term: string, evidence: Evidence) => {
    if (!networks.has(network)) return;
    const id = `${report}\u0000${network}`;
    const pair = pairs.get(id) ?? {
      report,
      network,
      rules: new Set(),
      terms: new Set(),
      evidence: new Map(),
    };
    pair.rules.add(rule);
    pair.terms.add(term);
    if (!pair.evidence.has(evidence.source)) pair.evidence.set(evidence.source, evidence);
    pairs.set(id, pair);
  };

  for (const row of candidates) {
    const evidenceFor = (term: string): Evidence => ({
      source: row.item,
      quote: sentenceContaining(row.text, term) ?? row.title,
      date: row.date,
    });
    for (const named of row.namedNetworks) {
      fire(row.report, named.network, 'names-network', named.name, evidenceFor(named.name));
    }
    for (const named of row.namedContacts) {
      fire(row.report, named.network, 'names-contact', named.person, evidenceFor(named.person));
    }
    for (const topic of resolver.networkTopics(row.text)) {
      const network = normaliseName(topic.network.name);
      for (const term of topic.terms) fire(row.report, network, 'topic-lexicon', term, evidenceFor(term));
    }
  }

  return [...pairs.values()].map((pair) => {
    const rules = RULE_STRENGTH.filter((rule) => pair.rules.has(rule));
    const evidence = [...pair.evidence.values()].sort(
      (a, b) => a.date.localeCompare(b.date) || a.source.localeCompare(b.source),
    );
    return {
      from: `Report:${pair.report}`,
      to: `Network:${pair.network}`,
      type: 'FEEDS',
      props: { rule: rules[0]!, rules, terms: [...pair.terms].sort(), ...evidenceProps(evidence) },
    };
  });
}

/** A Person with the bodies they work for or are based at, and the earliest evidence of them. */
export interface PersonCandidate {
  key: string;
  name: string;
  bodies: string[];
  evidence: Evidence | null;
}

export function possiblySameEdges(people: PersonCandidate[]): DerivedEdge[] {
  const edges: DerivedEdge[] = [];
  for (let i = 0; i < people.length; i += 1) {
    for (let j = i + 1; j < people.length; j += 1) {
      const a = people[i]!;
      const b = people[j]!;
      if (!possiblySamePerson(a.name, b.name)) continue;
      const evidence = [a.evidence, b.evidence].filter((e): e is Evidence => e !== null);
      edges.push({
        from: `Person:${a.key}`,
        to: `Person:${b.key}`,
        type: 'POSSIBLY_SAME_AS',
        props: {
          rule: 'same-surname-and-initial',
          terms: [a.name, b.name],
          bodies: [...new Set([...a.bodies, ...b.bodies])].sort(),
          ...evidenceProps(evidence),
        },
      });
    }
  }
  return edges;
}

function evidenceProps(evidence: Evidence[]): Properties {
  return {
    sources: evidence.map((e) => e.source),
    quotes: evidence.map((e) => e.quote),
    seenOn: evidence.map((e) => e.date),
    firstSeen: evidence[0]?.date ?? null,
    lastSeen: evidence.at(-1)?.date ?? null,
  };
}

/** The sentence of `text` that contains `term` (case-insensitively), as the quote behind a derived edge. */
function sentenceContaining(text: string, term: string): string | undefined {
  const needle = term.toLowerCase();
  return sentences(text).find((sentence) => sentence.toLowerCase().includes(needle));
}
