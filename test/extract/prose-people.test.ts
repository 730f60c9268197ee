import { beforeAll, describe, expect, it } from 'vitest';
import {
  networkContactIn,
  peopleInSentence,
  type Body,
  type BodyOf,
} from '../../src/extract/prose-people.js';
import { type Resolver } from '../../src/extract/resolve.js';
import { loadResolver } from '../../src/load/reference.js';

let resolver: Resolver;
let bodyOf: BodyOf;
beforeAll(async () => {
  resolver = await loadResolver();
  bodyOf = (name) => {
    const entity = resolver.resolveEntity(name);
    return entity?.kind === 'network' ? undefined : entity;
  };
});

const bodyName = (body: Body): string => (body.kind === 'unknown' ? body.name : body.entry.name);
/** "Name [honorific] | role | body" per role, or "Name [honorific]" for a person without one. */
function read(sentence: string): string[] {
  return peopleInSentence(sentence, bodyOf).flatMap((p) => {
    const who = p.honorific === null ? p.written : `${p.written} [${p.honorific}]`;
    return p.roles.length === 0 ? [who] : p.roles.map((r) => `${who} | ${r.role} | ${bodyName(r.body)}`);
  });
}

describe('people named in prose with their role', () => {
  it('reads a role and body in brackets, with or without a comma between them', () => {
    expect(read('Sarah Whitfield (DCS Surrey) will open the day.')).toEqual([
      'Sarah Whitfield | DCS | Surrey',
    ]);
    expect(read('Cllr Tom Harding (Lead Member, Reading) welcomed it.')).toEqual([
      'Cllr Tom Harding [Cllr] | Lead Member | Reading',
    ]);
    expect(read('Priya Nair (Improvement Adviser, LGA) will lead.')).toEqual([
      'Priya Nair | Improvement Adviser | Local Government Association',
    ]);
    expect(read('It is co-sponsored by Lucy Butler (DCS Oxfordshire) and Cate Duffy (DCS Slough).')).toEqual([
      'Lucy Butler | DCS | Oxfordshire',
      'Cate Duffy | DCS | Slough',
    ]);
  });

  it('keeps the body’s role of "project sponsor and DCS Oxfordshire" (the sponsorship names no body)', () => {
    expect(read('led by Lucy Butler, (project sponsor and DCS Oxfordshire), with support')).toEqual([
      'Lucy Butler | DCS | Oxfordshire',
    ]);
  });

  it('reads an office in apposition, and a role then its body', () => {
    expect(read("Dame Helen Carver, Children's Commissioner, called on councils.")).toEqual([
      "Dame Helen Carver [Dame] | Children's Commissioner | Children's Commissioner for England",
    ]);
    expect(
      read("Hugo Lindqvist, Chair of the Independent Review of Children's Social Care, will publish."),
    ).toEqual(["Hugo Lindqvist | Chair | Independent Review of Children's Social Care"]);
    expect(
      read(
        'says Andrea King, Specialist Advisor, NHS Hampshire and Thames Valley Clinical Delivery and Networks.',
      ),
    ).toEqual([
      'Andrea King | Specialist Advisor | NHS Hampshire and Thames Valley Clinical Delivery and Networks',
    ]);
  });

  it('reads "contact X at BODY" and an honorific followed by a body', () => {
    expect(read('Please contact Dafna Bicaci at NCB for details.')).toEqual([
      "Dafna Bicaci |  | National Children's Bureau",
    ]);
    expect(read('Contact Tom Reilly at YEF for the figures.')).toEqual([
      'Tom Reilly |  | Youth Endowment Fund',
    ]);
    expect(
      read('by Professor Judith Masson University of Bristol and Professor Jonathan Dickens (UEA).'),
    ).toEqual([
      'Professor Judith Masson [Professor] |  | University of Bristol',
      'Professor Jonathan Dickens [Professor] |  | University of East Anglia',
    ]);
  });

  it('keeps a person whose bracket is a job title without a body, with no role edge', () => {
    expect(read('Sheelagh Sullivan (SEND SE19 Lead) is gathering views.')).toEqual(['Sheelagh Sullivan']);
  });

  it('drops the capitalised words before the name', () => {
    expect(read('Members Lucy Butler (DCS Oxfordshire) and others')).toEqual([
      'Lucy Butler | DCS | Oxfordshire',
    ]);
  });

  it('never reads a body, an acronym or a phrase of a job as a person', () => {
    expect(read('Key Stage (KS2) results are out.')).toEqual([]);
    expect(read('Milton Keynes (Leaving Care) and Reading are among them.')).toEqual([]);
    expect(read('The Regional Improvement Plan (DCS Surrey) was approved.')).toEqual([]);
    expect(read('Child Death Overview Panel (CDOP) strategic analysis')).toEqual([]);
    expect(read('Working Together, DfE guidance, was revised.')).toEqual([]);
    expect(read('Rosemary Perry (contact details below) writes')).toEqual([]);
  });
});

describe('the contact for a network', () => {
  it('is the person to contact about the network', () => {
    const sentence =
      'If you would like to find out more about the AD Education Network please contact Alison Rendle (details below).';
    const networks = resolver.findMentions(sentence).filter((m) => m.kind === 'network');
    expect(networkContactIn(sentence, networks)?.written).toBe('Alison Rendle');
    expect(networkContactIn(sentence, networks)?.network.name).toBe('AD Education Network');
  });

  it('is not someone named to contact about something else', () => {
    const sentence = 'The AD Education Network met; please contact Alison Rendle for the minutes.';
    const networks = resolver.findMentions(sentence).filter((m) => m.kind === 'network');
    expect(networkContactIn(sentence, networks)).toBeUndefined();
  });
});
