/** Why a file could not be read as an Update at all (as opposed to a warning inside a readable one). */
export type UpdateParseErrorCode =
  | 'EMPTY'
  | 'NO_HEADLINE'
  | 'BAD_HEADLINE'
  | 'BINARY'
  | 'INVALID_UTF8'
  | 'TOO_LARGE'
  | 'UNREADABLE'
  /** A web page or e-mail that is not an Update: a blog post, an index of Updates, a "not found" page. */
  | 'NOT_AN_UPDATE';

/**
 * The only error the parser throws. `line` is 1-based, 0 when the problem is not tied to a line
 * (an empty or oversized file), and the message always starts with `file:line:` so it can be
 * printed as is.
 */
export class UpdateParseError extends Error {
  override readonly name = 'UpdateParseError';

  constructor(
    readonly file: string,
    readonly line: number,
    readonly code: UpdateParseErrorCode,
    detail: string,
  ) {
    super(`${line > 0 ? `${file}:${line}` : file}: ${detail}`);
  }
}
