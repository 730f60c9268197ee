import { HONORIFICS } from './honorifics.js';

/**
 * Words written with a full stop that does not end a sentence: the one-word honorifics ("Prof.",
 * "Dr."), and the abbreviations the Updates use ("No. 7", "St. Albans", "etc.", "e.g.", "Sept.").
 * A single capital with a dot is an initial ("S.E. Region", "J. Smith") and is handled by the splitter.
 */
export const ABBREVIATIONS: readonly string[] = [
  ...HONORIFICS.filter((h) => !h.includes(' ')),
  'St',
  'No',
  'Nos',
  'etc',
  'e\\.g',
  'i\\.e',
  'eg',
  'ie',
  'vs',
  'approx',
  'Co',
  'Ltd',
  'Inc',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
];
