import { nameShaped } from './prose-people.js';
/**
 * Bodies named in running text that data/ does not know, by the shape of their name: a run of
 * capitalised words ending in a word that names a body ("Mulberry Bush Foundation", "Kinship Care
 * Alliance"), or such a word followed by "for"/"of" and capitalised words ("Centre for Social
 * Innovation", "University of Greenwich"). Precision first: a single capitalised word before the
 * head is needed ("the Trust" is not a name), and the caller drops what data/ already resolves.
 */
const HEAD = String.raw`(?:Trust|Foundation|Institute|Association|Society|Agency|Alliance|Observatory|Bureau|Commission|Partnership|Federation|Consortium|Collaborative|Charity|Centre|Center|University|College)`;
const CAPITALISED = String.raw`(?!(?:The|This|That|A|An|On|In|By)\b)\p{Lu}[\p{L}'’-]*`;
const JOIN = String.raw`(?:\s+(?:of|for|and|&|on|in|the)(?=\s+\p{Lu}))?\s+`;
const NAMED_HEAD_LAST = String.raw`${CAPITALISED}(?:${JOIN}${CAPITALISED}){0,5}?\s+${HEAD}`;
const NAMED_HEAD_FIRST = String.raw`${HEAD}\s+(?:for|of)\s+(?:the\s+)?${CAPITALISED}(?:${JOIN}${CAPITALISED}){0,4}`;
const HEAD_WORD = new RegExp(HEAD, 'u');
const SHAPES = [NAMED_HEAD_FIRST, NAMED_HEAD_LAST].map(
  (shape) =>
    new RegExp(String.raw`(?<![\p{L}])(?<article>(?:[Aa]n?|[Tt]he)\s+)?(?:${shape})(?![\p{L}])`, 'gu'),
);

/** "Carrie Wilson-Harrop of Care Leavers Association": a person's name before "of" is not part of the body's. */
function withoutLeadingName(body: NamedBody): NamedBody {
  const m = /^(.+?)\s+of\s+(?=\p{Lu})/u.exec(body.text);
  if (m === null || !nameShaped(m[1]!)) return body;
  return { text: body.text.slice(m[0].length), offset: body.offset + m[0].length };
}

export interface NamedBody {
  text: string;
  offset: number;
}

/**
 * The body names of one sentence, each as written and where. A name after "a"/"an" is a kind of body,
 * not one ("a Regional Improvement Alliance"); `known` are the spans data/ already names, and a
 * candidate overlapping one is a piece of a known name ("Professor Judith Masson University [of Bristol]").
 */
export function bodiesByShape(
  sentence: string,
  known: readonly { offset: number; text: string }[],
): NamedBody[] {
  // Both shapes hold a head word: most sentences are done at once.
  if (!HEAD_WORD.test(sentence)) return [];
  const overlaps = (start: number, end: number) =>
    known.some((k) => start < k.offset + k.text.length && k.offset < end);
  const found = SHAPES.flatMap((shape) =>
    Array.from(sentence.matchAll(shape)).flatMap((m) => {
      const article = m.groups?.article ?? '';
      if (/^an?\s/iu.test(article)) return [];
      const offset = m.index + article.length;
      const text = m[0].slice(article.length);
      return overlaps(offset, offset + text.length) ? [] : [{ text, offset }];
    }),
  );
  // Both shapes may read one name; the longest reading wins.
  return found
    .map(withoutLeadingName)
    .filter(
      (a) =>
        !found.some(
          (b) =>
            b !== a &&
            b.text.length > a.text.length &&
            b.offset <= a.offset &&
            a.offset + a.text.length <= b.offset + b.text.length,
        ),
    );
}
