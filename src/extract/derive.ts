import { normaliseName } from '../text/names.js';
import { withoutProfessionLists } from '../text/lists.js';
import { sentences } from '../text/sentences.js';
import { possiblySamePerson } from './people.js';
import { hasRoleWord } from './prose-people.js';
import type { Evidence, Properties } from './records.js';
import type { Resolver } from './resolve.js';

/**
 * Edges computed over the whole graph rather than read from one sentence. Pure functions: candidates
 * in (read by src/load/derive.ts), edges out. Recomputed after every ingest for what it changed, and for
 * the whole graph by `seslip-kg derive`, so an edited lexicon in data/networks.json takes effect without
 * re-ingesting.
 * - FEEDS: a Report feeds a Network when its title, or the part of an Item citing it, names the
 *   network, names the network's contact person, or uses the network's topic lexicon. The edge records
 *   the strongest rule that fired, every rule, the matched terms, and the Items (or the listing) as evidence.
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

/** An Item citing a Report: its text, the quotes of the citation and of its other citations, the contacts it names. */
export interface Citation {
  item: string;
  date: string;
  title: string;
  text: string;
  quotes: string[];
  otherQuotes: string[];
  namedContacts: { network: string; person: string }[];
}

/** A Report with where it was first read, its publishers' keys, and the Items citing it. */
export interface FeedsCandidate {
  report: string;
  title: string;
  listing: Evidence | null;
  publishers: string[];
  citations: Citation[];
}

type FeedsRule = 'names-network' | 'names-contact' | 'topic-lexicon';
const RULE_STRENGTH: FeedsRule[] = ['names-network', 'names-contact', 'topic-lexicon'];

interface FeedsAccumulator {
  report: string;
  /** The report's title: a job its title names is its topic ("… for new lead members"). */
  title: string;
  network: string;
  rules: Set<FeedsRule>;
  terms: Set<string>;
  evidence: Map<string, Evidence>;
}

/**
 * SESLIP's own programme documents (Regional Improvement Plans, MoUs, prospectuses) concern every
 * network alike, so no single network is fed by them; SESLIP's topical documents ("Early help peer
 * challenge guide") feed as any other report does.
 */
const PROGRAMME_PUBLISHERS = new Set([
  'south east sector led improvement programme',
  'seslip steering group',
]);
const PROGRAMME_DOCUMENT = /\b(?:Regional Improvement Plan|Memorandum of Understanding|MoU|Prospectus)\b/iu;
// A programme document with no publisher named (the Steering Group approved it) is SESLIP's all the same.
const isProgrammeDocument = (candidate: FeedsCandidate): boolean =>
  PROGRAMME_DOCUMENT.test(candidate.title) &&
  (candidate.publishers.length === 0 || candidate.publishers.some((p) => PROGRAMME_PUBLISHERS.has(p)));

/**
 * A job in the lexicon ("social worker", "lead member", "DCS") says who a document is for or who spoke
 * of it, not what it is about: on its own it feeds no network. With another term, or a network or
 * contact named, it still counts.
 */
const onlyRoles = (pair: FeedsAccumulator, resolver: Resolver): boolean => {
  if (pair.rules.size !== 1 || !pair.rules.has('topic-lexicon')) return false;
  const inTitle = new Set(resolver.networkTopics(pair.title).flatMap((topic) => topic.terms));
  return [...pair.terms].every((term) => hasRoleWord(term) && !inTitle.has(term));
};

// "Cllr Tom Harding (Lead Member, Reading) welcomed the guidance": a person's role in brackets says who
// spoke, not what the document is about.
const ROLE_IN_BRACKETS = /\s*\(([^()]*)\)/gu;
const withoutRolesInBrackets = (text: string): string =>
  text.replace(ROLE_IN_BRACKETS, (group, inside: string) => (hasRoleWord(inside) ? '' : group));

/**
 * The part of a citing item about this report: from the line that cites it to the line that cites
 * another report (an item announcing several publications speaks of each in turn); the whole
 * item when it cites only this one or the citing line is not found.
 */
export function citationWindow(citation: Citation): string {
  const lines = citation.text.split('\n');
  const has = (line: string, quotes: string[]) => quotes.some((q) => q !== '' && line.includes(q));
  if (citation.otherQuotes.length === 0) return citation.text;
  const start = lines.findIndex((line) => has(line, citation.quotes));
  if (start === -1) return citation.text;
  const next = lines.findIndex((line, i) => i > start && has(line, citation.otherQuotes));
  return lines.slice(start, next === -1 ? undefined : next).join('\n');
}

/**
 * FEEDS edges to the networks in `networks` (their keys). Every report is matched: its own title
 * against each network's lexicon and names (evidence: where the report was read), and each citing
 * item's part about it against the network's name, its contact person and its lexicon (evidence:
 * the item). Terms match as whole words with their plural and singular forms (matcher.ts).
 */
export function feedsEdges(
  candidates: FeedsCandidate[],
  networks: ReadonlySet<string>,
  resolver: Resolver,
): DerivedEdge[] {
  const pairs = new Map<string, FeedsAccumulator>();
  const fire = (
    { report, title }: FeedsCandidate,
    network: string,
    rule: FeedsRule,
    term: string,
    evidence: Evidence,
  ) => {
    if (!networks.has(network)) return;
    const id = `${report}\u0000${network}`;
    const pair = pairs.get(id) ?? {
      report,
      title,
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
  const readText = (candidate: FeedsCandidate, text: string, evidenceFor: (term: string) => Evidence) => {
    for (const m of resolver.findMentions(text)) {
      if (m.kind === 'network')
        fire(candidate, normaliseName(m.name), 'names-network', m.name, evidenceFor(m.text));
    }
    // A profession in a list of who a document is for is not its topic.
    for (const topic of resolver.networkTopics(withoutProfessionLists(text))) {
      const network = normaliseName(topic.network.name);
      for (const term of topic.terms) fire(candidate, network, 'topic-lexicon', term, evidenceFor(term));
    }
  };

  for (const candidate of candidates) {
    if (isProgrammeDocument(candidate)) continue;
    const { listing } = candidate;
    if (listing !== null) readText(candidate, candidate.title, () => listing);
    for (const citation of candidate.citations) {
      const text = withoutRolesInBrackets(citationWindow(citation));
      const evidenceFor = (term: string): Evidence => ({
        source: citation.item,
        quote: sentenceContaining(text, term) ?? citation.title,
        date: citation.date,
      });
      readText(candidate, text, evidenceFor);
      for (const named of citation.namedContacts) {
        if (text.includes(named.person))
          fire(candidate, named.network, 'names-contact', named.person, evidenceFor(named.person));
      }
    }
  }

  return [...pairs.values()]
    .filter((pair) => !onlyRoles(pair, resolver))
    .map((pair) => {
      const rules = RULE_STRENGTH.filter((rule) => pair.rules.has(rule));
      const evidence = [...pair.evidence.values()].sort(inReadingOrder);
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
      // In date order, so that firstSeen is never after lastSeen.
      const evidence = [a.evidence, b.evidence].filter((e): e is Evidence => e !== null).sort(inReadingOrder);
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

/** Evidence in the order it was read: by date, then source, then quote (so that ties too have one order). */
const inReadingOrder = (a: Evidence, b: Evidence): number =>
  a.date.localeCompare(b.date) || a.source.localeCompare(b.source) || a.quote.localeCompare(b.quote);

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
