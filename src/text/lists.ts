/**
 * A list of professions names who a document is for, not what it is about: "This includes social
 * workers, police officers, housing officers, education staff, healthcare staff, charity staff, and
 * others". Topic lexicons skip such lists: a list of three or more short comma-separated entries of
 * which at least two name a profession.
 */
const PROFESSION =
  /\b(?:workers?|officers?|staff|teachers?|nurses?|doctors?|practitioners?|professionals?|police|visitors?|GPs?|clinicians?|leaders?|managers?|governors?|carers?)\b/iu;
const LIST = /(?:[^,.;:]{1,40},\s+){2,}(?:(?:and|or)\s+)?[^,.;:]{1,40}/gu;

export function withoutProfessionLists(text: string): string {
  return text.replace(LIST, (list) => {
    const entries = list.split(/,\s+(?:(?:and|or)\s+)?/u);
    return entries.filter((entry) => PROFESSION.test(entry)).length >= 2 ? ' '.repeat(list.length) : list;
  });
}
