import { beforeAll, describe, expect, it } from 'vitest';
import { feedsEdges, type FeedsCandidate } from '../../src/extract/derive.js';
import { type Resolver } from '../../src/extract/resolve.js';
import { loadResolver } from '../../src/load/reference.js';
import { normaliseName } from '../../src/text/names.js';

let resolver: Resolver;
let networks: Set<string>;
beforeAll(async () => {
  resolver = await loadResolver();
  networks = new Set(
    ['PSW and Workforce Network', 'Lead Members Group', 'Fostering Network'].map(normaliseName),
  );
});

/** A report cited once, by an item whose text is `text`. */
const cited = (title: string, text: string): FeedsCandidate => ({
  report: normaliseName(title),
  title,
  listing: null,
  publishers: [],
  citations: [
    { item: '700/1', date: '2025-12-05', title, text, quotes: [title], otherQuotes: [], namedContacts: [] },
  ],
});
const fed = (candidate: FeedsCandidate): string[] =>
  feedsEdges([candidate], networks, resolver).map((e) => e.to.replace(/^Network:/, ''));

describe('FEEDS from the topic lexicon', () => {
  it('a job alone says who a document is for, not what it is about: it feeds nothing', () => {
    expect(fed(cited('Attendance guidance', 'Guidance for social workers on school attendance.'))).toEqual(
      [],
    );
  });

  it('a job with another term of the network, or in the title, still feeds', () => {
    expect(fed(cited('Caseloads', 'What social workers say about their caseload.'))).toEqual([
      'psw and workforce network',
    ]);
    const title = 'Must know: children’s services for new lead members';
    expect(fed(cited(title, `The LGA has published ${title}.`))).toEqual(['lead members group']);
  });

  it('a role in brackets after a name says who spoke, not the topic', () => {
    const text = 'Cllr Tom Harding (Lead Member, Reading) welcomed the guidance on school attendance.';
    expect(fed(cited('Working together to improve school attendance', text))).toEqual([]);
  });

  it('a topic term on its own feeds', () => {
    expect(fed(cited('Recruiting carers', 'A review of foster care recruitment.'))).toEqual([
      'fostering network',
    ]);
  });
});
