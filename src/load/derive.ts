import type { Database, Row } from '../db/database.js';
import { normaliseName } from '../extract/normalise.js';
import { possiblySamePerson } from '../extract/people.js';
import type { Evidence, Properties } from '../extract/records.js';
import type { Resolver } from '../extract/resolve.js';

/**
 * Edges computed over the whole graph rather than read from one sentence, recomputed from scratch after
 * every ingest and by `seslip-kg derive` (so that an edited lexicon in data/networks.json takes effect
 * without re-ingesting):
 * - FEEDS: a Report feeds a Network when an Item citing it names the network, names the network's
 *   contact person, or uses the network's topic lexicon. The edge records the strongest rule that fired,
 *   every rule, the matched terms, and the Items as evidence.
 * - POSSIBLY_SAME_AS: two Person nodes with the same surname and first initial but different names, left
 *   for a person to decide rather than merged.
 */

export interface DeriveSummary {
  feeds: number;
  possiblySameAs: number;
  /** One line per doubtful pair of people, for the ingest summary. */
  doubts: string[];
}

type FeedsRule = 'names-network' | 'names-contact' | 'topic-lexicon';
const RULE_STRENGTH: FeedsRule[] = ['names-network', 'names-contact', 'topic-lexicon'];

interface DerivedEdge {
  from: string;
  to: string;
  type: 'FEEDS' | 'POSSIBLY_SAME_AS';
  props: Properties;
}

export async function deriveEdges(db: Database, resolver: Resolver): Promise<DeriveSummary> {
  const [candidates, networkRows, people] = await Promise.all([
    db.read('feeds-candidates'),
    db.read('network-keys'),
    db.read('people-for-doubts'),
  ]);
  const networks = new Set(networkRows.map((row) => String(row.key)));
  const feeds = feedsEdges(candidates, networks, resolver);
  const doubtful = possiblySameEdges(people);
  await db.writeTransaction(async (tx) => {
    for (const [type, rows] of [
      ['FEEDS', feeds],
      ['POSSIBLY_SAME_AS', doubtful],
    ] as const) {
      await tx.run('delete-derived', { type });
      if (rows.length > 0) await tx.run('create-derived', { rows });
    }
  });
  return {
    feeds: feeds.length,
    possiblySameAs: doubtful.length,
    doubts: doubtful.map((edge) => `possibly the same person: ${(edge.props.terms as string[]).join(' / ')}`),
  };
}

interface FeedsAccumulator {
  report: string;
  network: string;
  rules: Set<FeedsRule>;
  terms: Set<string>;
  evidence: Map<string, Evidence>;
}

function feedsEdges(candidates: Row[], networks: Set<string>, resolver: Resolver): DerivedEdge[] {
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
    const report = String(row.report);
    const text = String(row.text);
    const evidenceFor = (term: string): Evidence => ({
      source: String(row.item),
      quote: sentenceContaining(text, term) ?? String(row.title),
      date: String(row.date),
    });
    for (const named of row.namedNetworks as { network: string; name: string }[]) {
      fire(report, named.network, 'names-network', named.name, evidenceFor(named.name));
    }
    for (const named of row.namedContacts as { network: string; person: string }[]) {
      fire(report, named.network, 'names-contact', named.person, evidenceFor(named.person));
    }
    for (const topic of resolver.networkTopics(text)) {
      const network = normaliseName(topic.network.name);
      for (const term of topic.terms) fire(report, network, 'topic-lexicon', term, evidenceFor(term));
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

function possiblySameEdges(people: Row[]): DerivedEdge[] {
  const edges: DerivedEdge[] = [];
  for (let i = 0; i < people.length; i += 1) {
    for (let j = i + 1; j < people.length; j += 1) {
      const a = people[i]!;
      const b = people[j]!;
      if (!possiblySamePerson(String(a.name), String(b.name))) continue;
      const evidence = [a.evidence, b.evidence].filter((e): e is Evidence => e !== null) as Evidence[];
      edges.push({
        from: `Person:${a.key}`,
        to: `Person:${b.key}`,
        type: 'POSSIBLY_SAME_AS',
        props: {
          rule: 'same-surname-and-initial',
          terms: [String(a.name), String(b.name)],
          bodies: [...new Set([...(a.bodies as string[]), ...(b.bodies as string[])])].sort(),
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
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .find((sentence) => sentence.toLowerCase().includes(needle));
}
