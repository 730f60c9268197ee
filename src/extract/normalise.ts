// src/api still imports name normalisation from here; the rules live in src/text/names.ts.
export { nameWords, normaliseName, spelling, tokenise, type Token } from '../text/names.js';
