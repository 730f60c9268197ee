/** One source line with its 1-based number: everything the parser reports points back to one of these. */
export interface Line {
  no: number;
  text: string;
}

export const isBlank = (line: Line): boolean => line.text.trim() === '';

/**
 * Non-breaking and other Unicode spaces come from copying the web page, not from the writer,
 * so they become plain spaces: "5\u00a0April" must read like "5 April".
 */
const UNICODE_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/** Accepts LF, CRLF and lone CR line ends. */
export function splitLines(text: string): Line[] {
  return text.split(/\r\n|\r|\n/).map((t, i) => ({ no: i + 1, text: t.replace(UNICODE_SPACE, ' ') }));
}

/** A bullet or numbered-list line: `•`, `◦`, `▪`, `‣`, `·`, or `1.` / `1)`, indented to show nesting. */
export const BULLET = /^(?<indent>\s*)(?<glyph>[•◦▪‣·]|\d{1,2}[.)])\s+(?<text>.*)$/;

/** A warning attached to a source line; collected while parsing and sorted at the end. */
export interface Warn {
  (line: number, message: string): void;
}
