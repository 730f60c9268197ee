import { beforeAll, describe, expect, it } from 'vitest';
import { extractGraph } from '../../src/extract/extract.js';
import { nameReader, proposeNames, type NameSpan } from '../../src/extract/name-reader.js';
import {
  abbreviates,
  confirmSpan,
  kindOfBody,
  type ConfirmContext,
} from '../../src/extract/proposed-names.js';
import type { GraphRecords } from '../../src/extract/records.js';
import { issueKey } from '../../src/extract/records.js';
import { type Resolver } from '../../src/extract/resolve.js';
import { loadResolver } from '../../src/load/reference.js';
import { parseUpdate } from '../../src/parse/index.js';

let resolver: Resolver;
beforeAll(async () => {
  resolver = await loadResolver();
});

/** A span as the reader would propose it, where `text` first occurs in `sentence`. */
const span = (sentence: string, text: string, label: NameSpan['label'], score = 1): NameSpan => {
  const start = sentence.indexOf(text);
  return { text, start, end: start + text.length, label, score };
};
const context = (extra: Partial<ConfirmContext> = {}): ConfirmContext => ({
  resolver,
  people: new Set(),
  reportTitles: [],
  longForms: [],
  ...extra,
});
const verdict = (
  sentence: string,
  text: string,
  label: NameSpan['label'],
  extra?: Partial<ConfirmContext>,
) => {
  const found = confirmSpan(span(sentence, text, label), sentence, context(extra));
  return found === undefined ? 'rejected' : `${found.kind}: ${found.name}`;
};

describe('the rules confirm, type or reject what the reader proposes', () => {
  it('confirms people in running sentences and cuts what the reader takes along', () => {
    const s = 'Yvette Stanley, Isabelle Trowler and Jenny Coles spoke.';
    expect(verdict(s, 'Isabelle Trowler', 'PERSON')).toBe('person: Isabelle Trowler');
    expect(
      verdict('The report makes recommendations for Ruth Perry’s employer.', 'Ruth Perry’s', 'PERSON'),
    ).toBe('person: Ruth Perry');
    expect(
      verdict('Ruth Perry: Prevention of future deaths report', 'Ruth Perry: Prevention', 'PERSON'),
    ).toBe('person: Ruth Perry');
  });

  it('rejects a role word, a body data/ knows, a lone given name and a body read as a person', () => {
    expect(verdict('Without the bank of Mum and Dad, what support is there?', 'Mum', 'PERSON')).toBe(
      'rejected',
    );
    expect(verdict('Ofsted published it.', 'Ofsted', 'PERSON')).toBe('rejected');
    expect(verdict('We are joined by Jess and Callum.', 'Jess', 'PERSON')).toBe('rejected');
    expect(
      verdict('On 17 June Harriet Cole Foundation published a report.', 'Harriet Cole Foundation', 'PERSON'),
    ).toBe('organisation: Harriet Cole Foundation');
  });

  it('rejects a name inside a report title of the Update, but not the same name outside it', () => {
    const title = 'The Nadia Brooks Review of Early Help';
    expect(
      verdict(`On 3 May DfE published ${title}.`, 'Nadia Brooks', 'PERSON', { reportTitles: [title] }),
    ).toBe('rejected');
    expect(verdict('Nadia Brooks spoke.', 'Nadia Brooks', 'PERSON', { reportTitles: [title] })).toBe(
      'person: Nadia Brooks',
    );
  });

  it('needs a consistent reading: words read so at most half the time are not taken', () => {
    const s = 'On 26 June the BBC radio programme Money Box Live broadcast it.';
    expect(confirmSpan(span(s, 'Money Box Live', 'PERSON', 0.5), s, context())).toBeUndefined();
  });

  it('takes a body by its shape or where a body stands, never a document, a generic body or a person', () => {
    expect(verdict("Women's Aid has published new figures.", "Women's Aid", 'ORG')).toBe(
      "organisation: Women's Aid",
    );
    expect(
      verdict(
        'Speech and Language UK published an alternative white paper.',
        'Speech and Language UK',
        'ORG',
      ),
    ).toBe('organisation: Speech and Language UK');
    expect(verdict('Local Authority implications', 'Local Authority', 'ORG')).toBe('rejected');
    expect(
      verdict(
        'Changes to Working Together to Safeguard Children',
        'Working Together to Safeguard Children',
        'ORG',
      ),
    ).toBe('rejected');
    expect(verdict('The Pupil Premium Guide is out.', 'Pupil Premium Guide', 'ORG')).toBe('rejected');
    const s = 'It is co-sponsored by Lucy Butler and Cate Duffy.';
    expect(verdict(s, 'Cate Duffy', 'ORG', { people: new Set(['cate duffy']) })).toBe('rejected');
    expect(verdict('please contact Kam Padda, Team Manager, Wokingham.', 'Kam Padda', 'ORG')).toBe(
      'person: Kam Padda',
    );
  });

  it('cuts a person off a body the reader joined to them, and reads a body one of the people is of', () => {
    const s = 'We are joined by Carrie Wilson-Harrop of Care Leavers Association today.';
    const people = new Set(['carrie wilson harrop']);
    expect(verdict(s, 'Carrie Wilson-Harrop of Care Leavers Association', 'ORG', { people })).toBe(
      'organisation: Care Leavers Association',
    );
    const t = 'We are joined by Clare Bracey of Become.';
    expect(verdict(t, 'Become', 'ORG', { people: new Set(['clare bracey']) })).toBe('organisation: Become');
    expect(verdict('Dawn Fry, Cabinet Member for Education, spoke.', 'Education', 'ORG')).toBe('rejected');
  });

  it('takes an acronym only as the long form the Update names, or where a body stands', () => {
    expect(abbreviates('NCB', 'National Children’s Bureau')).toBe(true);
    expect(abbreviates('SIGOMA', 'Special Interest Group of Municipal Authorities')).toBe(true);
    expect(verdict('CLA said so.', 'CLA', 'ORG', { longForms: ['Care Leavers Association'] })).toBe(
      'organisation: Care Leavers Association',
    );
    expect(verdict('On 20 June DfE published SEND pupil census information.', 'SEND', 'ORG')).toBe(
      'rejected',
    );
    expect(verdict('New analysis from SIGOMA shows it.', 'SIGOMA', 'ORG')).toBe('organisation: SIGOMA');
  });

  it('types a body by its name and the words around it', () => {
    expect(kindOfBody('Court of Appeal', '')).toBe('court');
    expect(kindOfBody('University of Kent', '')).toBe('university');
    expect(kindOfBody('Department for Work and Pensions', '')).toBe('government department');
    expect(kindOfBody('Become', 'Become, the national charity for children in care, said')).toBe('charity');
    expect(kindOfBody('TACT', 'TACT published')).toBeNull();
  });
});

describe('the reader in the extraction of an Update', () => {
  const text = [
    'UPDATE NO 700 5 December 2025',
    '',
    'If you have any news that you would like included in our Friday Update, please contact Richard Tyndall (details below)',
    '',
    'Updates',
    '',
    'Social work reform',
    '',
    'On 1 December Yvette Stanley, Isabelle Trowler and Jenny Coles spoke at a conference run by Women’s Aid with Harry Ferguson.',
    '',
  ].join('\n');
  let records: GraphRecords;
  beforeAll(async () => {
    const doc = parseUpdate(text, 'update-700.txt');
    records = extractGraph(doc, resolver, await proposeNames(doc));
  }, 120_000);

  const named = (label: string) =>
    records.nodes
      .filter((n) => n.label === label)
      .map((n) => String(n.props.name))
      .sort();

  it('finds the people of running sentences and of the page header', () => {
    expect(named('Person')).toEqual([
      'Harry Ferguson',
      'Isabelle Trowler',
      'Jenny Coles',
      'Richard Tyndall',
      'Yvette Stanley',
    ]);
  });

  it('records the header once, as the Issue’s, never as an item', () => {
    const header = records.edges.filter((e) => e.type === 'HEADER_MENTIONS');
    expect(header.map((e) => [e.from.key, e.to.key, e.evidence.source])).toEqual([
      [issueKey(700), 'richard tyndall', issueKey(700)],
    ]);
    expect(records.nodes.filter((n) => n.label === 'Item').map((n) => n.props.title)).toEqual([
      'Social work reform',
    ]);
  });

  it('keeps bodies data/ does not know with their kind', () => {
    const aid = records.nodes.find((n) => n.label === 'Organisation' && n.props.name === 'Women’s Aid');
    expect(aid?.props.kind).toBe('charity');
  });

  it('is one sidecar per process that says which model it runs', async () => {
    const reader = await nameReader();
    expect(reader.model).toMatch(/^en_core_web_sm/);
    expect(await nameReader()).toBe(reader);
  });
});

describe('a person who launches or publishes a document is its author, not its publisher', () => {
  it('reads "Becky Francis launched" and "Heidi Connor, Senior Coroner for Berkshire published" as people', async () => {
    const text = [
      'UPDATE NO 701 12 December 2025',
      '',
      'Updates',
      '',
      'Pupil premium',
      '',
      "On 5 November, Becky Francis launched the EEF's updated Pupil Premium Guide.",
      '',
      'Prevention of future deaths',
      '',
      'On 19 December Heidi Connor, Senior Coroner for Berkshire published Prevention of Future Deaths: Ruth Perry.',
      '',
    ].join('\n');
    const doc = parseUpdate(text, 'update-701.txt');
    const records = extractGraph(doc, resolver, await proposeNames(doc));
    const authors = records.edges.filter((e) => e.type === 'AUTHORED_BY').map((e) => e.to.key);
    expect(authors.sort()).toEqual(['becky francis', 'heidi connor']);
    expect(records.nodes.filter((n) => n.label === 'Organisation').map((n) => n.key)).toEqual([
      'education endowment foundation',
    ]);
  });
});

describe('a reader that cannot run', () => {
  it('says so with its code and the fix, before anything is read', async () => {
    const { NameReader, NameReaderError } = await import('../../src/extract/name-reader.js');
    const refused = NameReader.start('/nonexistent/python');
    await expect(refused).rejects.toBeInstanceOf(NameReaderError);
    await expect(refused).rejects.toMatchObject({
      code: 'NLP_UNAVAILABLE',
      message: 'the name reader is not installed (no /nonexistent/python)',
      fix: expect.stringContaining('npm run setup:nlp'),
    });
  });
});
