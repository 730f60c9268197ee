import nlp from 'compromise';
import type { Resolver } from '../src/extract/resolve.js';
import { itemSentences } from '../src/extract/text.js';
import type { UpdateDocument } from '../src/parse/document.js';
import { normaliseName } from '../src/text/names.js';

/**
 * The people and organisations `compromise` finds in the items' running text, for `npm run eval -- --nlp`,
 * which weighs them against the extractor's hand rules. The structured parts of an Update (contact
 * list, meeting contacts, publishers) are given to both sides alike: the question is only which finds
 * the names in prose better. Names are filed as the extractor files them (canonical when data/ knows them).
 */
export function nlpCandidates(
  doc: UpdateDocument,
  resolver: Resolver,
): { people: Set<string>; organisations: Set<string> } {
  const person = (name: string) => normaliseName(resolver.resolvePerson(name).name);
  const body = (name: string) => {
    const entity = resolver.resolveEntity(name);
    return entity?.kind === 'network' ? undefined : normaliseName(entity?.entry.name ?? name);
  };
  const people = new Set([
    ...doc.contacts.map((c) => person(c.name)),
    ...doc.meetings.flatMap((m) => (m.contact === null ? [] : [person(m.contact)])),
  ]);
  const organisations = new Set(
    [...doc.contacts.map((c) => c.organisation), ...doc.publications.map((p) => p.publisher)].flatMap((n) =>
      n === null ? [] : [body(n)].filter((b): b is string => b !== undefined),
    ),
  );
  // Authorities are scored apart; a body compromise finds that data/ files as a council is not an organisation.
  const isAuthority = (name: string) => resolver.resolveEntity(name)?.kind === 'authority';
  for (const sentence of doc.items.flatMap(itemSentences)) {
    const text = nlp(sentence);
    for (const name of text.people().out('array') as string[]) {
      const tidy = name.replace(/[^\p{L}'’ -]/gu, '').trim();
      if (tidy.includes(' ')) people.add(person(tidy));
    }
    for (const name of text.organizations().out('array') as string[]) {
      const tidy = name.replace(/[,.;:]+$/u, '').trim();
      const filed = body(tidy);
      if (filed !== undefined && !isAuthority(tidy)) organisations.add(filed);
    }
  }
  return { people, organisations };
}
