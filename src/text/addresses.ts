/**
 * A postal address names towns and councils without being about them ("County Hall, West Street,
 * Chichester PO19 1RQ", "Darlington DL1 5QE"): a sentence holding a UK postcode is an address, and
 * the extractor reads no mentions from it.
 */
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/u;

export const isPostalAddress = (sentence: string): boolean => POSTCODE.test(sentence);
