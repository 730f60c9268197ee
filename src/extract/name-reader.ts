import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { UpdateDocument } from '../parse/document.js';
import { furnitureSentences, itemSentences } from './text.js';

/**
 * The statistical reader beside the rules: spaCy's small English pipeline (nlp/names.py), run as a
 * sidecar process, proposes person and organisation spans with a score. The extractor's rules then
 * confirm, type or reject each one (src/extract/proposed-names.ts). One sidecar serves the whole
 * process; it starts on first use (about 1.5 s to load the model) and ends with the process.
 */

/** A span as the model reads it in one sentence. */
const modelSpan = z.object({
  text: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  label: z.enum(['PERSON', 'ORG']),
});
type ModelSpan = z.infer<typeof modelSpan>;

export interface NameSpan extends ModelSpan {
  /** How consistently the pipeline gave the words this label across the Update (0–1): see scoreSpans. */
  score: number;
}

/** The spans proposed in each sentence of one Update, by the sentence's text. */
export type NameProposals = ReadonlyMap<string, readonly NameSpan[]>;

export const NO_PROPOSALS: NameProposals = new Map();

const ready = z.object({ ready: z.literal(true), model: z.string() });
const answer = z.object({ id: z.number().int(), spans: z.array(z.array(modelSpan)) });

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = join(root, 'nlp', 'names.py');
const VENV_PYTHON = join(root, '.cache', 'nlp', 'venv', 'bin', 'python');

/** Sentences kept in memory (about 40 MB at most); the memory starts over when full. */
const KNOWN_MAX = 200_000;

const FIX = 'run `npm run setup:nlp` (it needs Python 3.9+ with venv, and PyPI once)';

/** The reader cannot run: not installed, or the sidecar died. */
export class NameReaderError extends Error {
  override name = 'NameReaderError';
  readonly code = 'NLP_UNAVAILABLE';
  readonly fix = FIX;
}

interface Pending {
  resolve: (spans: ModelSpan[][]) => void;
  reject: (error: Error) => void;
}

export class NameReader {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** The model's spans of each sentence read so far (see read). */
  private readonly known = new Map<string, ModelSpan[]>();
  private failure: Error | undefined;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly model: string,
    lines: AsyncIterator<string>,
  ) {
    void this.listen(lines);
    // An idle sidecar must not keep the process alive; a pending request does (see read()).
    this.idle();
  }

  static async start(python = process.env.SESLIP_NLP_PYTHON ?? VENV_PYTHON): Promise<NameReader> {
    const child = spawn(python, [SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    const stderr: string[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const exited = new Promise<never>((_, reject) => {
      child.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new NameReaderError(
            // spawn reports a missing interpreter as ENOENT, so extract need not look at the file system.
            error.code === 'ENOENT'
              ? `the name reader is not installed (no ${python})`
              : `the name reader could not start: ${error.message}`,
          ),
        ),
      );
      child.once('exit', (code) =>
        reject(new NameReaderError(`the name reader stopped (exit ${code}): ${lastLine(stderr)}`)),
      );
    });
    exited.catch(() => undefined);
    const first = await Promise.race([lines.next(), exited]);
    const hello = ready.safeParse(first.done === true ? undefined : parseJson(first.value as string));
    if (!hello.success) {
      child.kill();
      throw new NameReaderError('the name reader did not say it was ready');
    }
    const reader = new NameReader(child, hello.data.model, lines);
    child.once('exit', (code) =>
      reader.fail(new NameReaderError(`the name reader stopped (exit ${code}): ${lastLine(stderr)}`)),
    );
    return reader;
  }

  /**
   * The PERSON and ORG spans of each text, in order. A sentence read before comes from memory: weekly
   * Updates repeat much of the last week's text (contact lists, network dates, reminders), and the model's
   * reading of a sentence depends on that sentence alone.
   */
  async read(texts: readonly string[]): Promise<ModelSpan[][]> {
    const unread = [...new Set(texts.filter((text) => !this.known.has(text)))];
    const spans = unread.length === 0 ? [] : await this.ask(unread);
    const fresh = new Map(unread.map((text, i) => [text, spans[i] ?? []]));
    // The answer is taken before the memory may start over, so a full memory never loses this request's spans.
    const answer = texts.map((text) => fresh.get(text) ?? this.known.get(text) ?? []);
    if (this.known.size + fresh.size > KNOWN_MAX) this.known.clear();
    for (const [text, found] of fresh) this.known.set(text, found);
    return answer;
  }

  private ask(texts: string[]): Promise<ModelSpan[][]> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const id = this.nextId++;
    const result = new Promise<ModelSpan[][]>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.busy();
    this.child.stdin.write(`${JSON.stringify({ id, texts })}\n`);
    return result;
  }

  close(): void {
    this.child.stdin.end();
  }

  private async listen(lines: AsyncIterator<string>): Promise<void> {
    for (let line = await lines.next(); line.done !== true; line = await lines.next()) {
      const parsed = answer.safeParse(parseJson(line.value));
      if (!parsed.success) {
        this.fail(new NameReaderError(`the name reader answered out of protocol: ${parsed.error.message}`));
        return;
      }
      const waiting = this.pending.get(parsed.data.id);
      this.pending.delete(parsed.data.id);
      if (this.pending.size === 0) this.idle();
      waiting?.resolve(parsed.data.spans);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
  }

  private busy(): void {
    this.child.ref();
    for (const stream of this.streams()) stream.ref();
  }

  private idle(): void {
    this.child.unref();
    for (const stream of this.streams()) stream.unref();
  }

  /** The sidecar's pipes are sockets: each holds the event loop until unref'd. */
  private streams(): Socket[] {
    return [this.child.stdin, this.child.stdout, this.child.stderr] as unknown as Socket[];
  }
}

/** A line of the sidecar as JSON; a line that is not JSON is undefined, which the protocol's schema refuses. */
function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

const lastLine = (chunks: string[]): string => chunks.join('').trim().split('\n').at(-1) ?? '';

let shared: Promise<NameReader> | undefined;

/** The process's one sidecar, started on first use; a failed start is retried on the next call. */
export function nameReader(): Promise<NameReader> {
  shared ??= NameReader.start().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

/**
 * The sentences of one Update the rules read names from: the page's furniture, every item's text and
 * the publication lines (whose publisher may be a person).
 */
export function sentencesToRead(doc: UpdateDocument): string[] {
  const publications = doc.publications.map((p) => p.raw);
  return [
    ...new Set([...furnitureSentences(doc), ...doc.items.flatMap(itemSentences), ...publications]),
  ].filter((s) => s.trim() !== '');
}

/** What the statistical reader (the process's one sidecar) proposes in one Update, sentence by sentence. */
export async function proposeNames(doc: UpdateDocument): Promise<NameProposals> {
  const sentences = sentencesToRead(doc);
  const spans = scoreSpans(sentences, await (await nameReader()).read(sentences));
  return new Map(sentences.map((sentence, i) => [sentence, spans[i] ?? []]));
}

/**
 * Each span's score: how consistently the model reads the same words with that label across the Update, the
 * share of the words' occurrences in its sentences that it labelled so. A name read once and never otherwise
 * scores 1; words read as a person in one sentence and left unlabelled in three others score 0.25.
 */
export function scoreSpans(sentences: readonly string[], spans: readonly ModelSpan[][]): NameSpan[][] {
  const labelled = new Map<string, number>();
  const said = (span: ModelSpan) => `${span.label}\t${span.text}`;
  for (const span of spans.flat()) labelled.set(said(span), (labelled.get(said(span)) ?? 0) + 1);
  const occurrences = new Map<string, number>();
  const occurrencesOf = (words: string) => {
    let count = occurrences.get(words);
    if (count === undefined) {
      count = sentences.reduce((sum, sentence) => sum + sentence.split(words).length - 1, 0);
      occurrences.set(words, count);
    }
    return count;
  };
  return spans.map((inSentence) =>
    inSentence.map((span) => ({
      ...span,
      score:
        Math.round(Math.min(1, labelled.get(said(span))! / Math.max(1, occurrencesOf(span.text))) * 1000) /
        1000,
    })),
  );
}
