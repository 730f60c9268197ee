import { UpdateParseError } from './errors.js';

/** Larger files are not newsletters; refusing them keeps a stray upload from stalling ingestion. */
export const MAX_UPDATE_BYTES = 5 * 1024 * 1024;

const NEWLINE = 0x0a;

/** 1-based line of a byte offset. */
function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === NEWLINE) line++;
  return line;
}

/**
 * The line holding the first invalid UTF-8 sequence. A newline byte never occurs inside a
 * multi-byte sequence, so decoding line by line finds it without a hand-written validator.
 */
function firstInvalidUtf8Line(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let line = 1;
  while (start <= bytes.length) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end === -1) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
    line++;
  }
  return 0;
}

/** Checks shared by bytes and strings: size, NUL bytes, emptiness. Returns the text without a BOM. */
export function checkText(text: string, file: string, byteLength: number): string {
  if (byteLength > MAX_UPDATE_BYTES) {
    throw new UpdateParseError(
      file,
      0,
      'TOO_LARGE',
      `file is ${byteLength} bytes, over the ${MAX_UPDATE_BYTES}-byte limit`,
    );
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const line = text.slice(0, nul).split('\n').length;
    throw new UpdateParseError(file, line, 'BINARY', 'binary data (NUL byte): not a text Update');
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') throw new UpdateParseError(file, 0, 'EMPTY', 'file is empty');
  return body;
}

/** Bytes to text, refusing what is not UTF-8 text. */
export function decodeUpdate(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_UPDATE_BYTES) return checkText('', file, bytes.length);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new UpdateParseError(
      file,
      lineOfOffset(bytes, nul),
      'BINARY',
      'binary data (NUL byte): not a text Update',
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UpdateParseError(file, firstInvalidUtf8Line(bytes), 'INVALID_UTF8', 'invalid UTF-8');
  }
  return checkText(text, file, bytes.length);
}
