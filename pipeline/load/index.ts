import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ArticleMetadata, FileStamp, LoadOutcome, TextEncoding } from '../../schemas/article.ts';
import { oneLine } from '../errors.ts';
import { decodeText } from './decode.ts';
import { parseHtml } from './formats/html.ts';
import { parseArticleJson } from './formats/json.ts';
import { parseMarkdown } from './formats/md.ts';
import { parseTxt } from './formats/txt.ts';
import { normaliseText } from './normalise.ts';
import { ARTICLE_EXTENSIONS, walkFolder, whyNotReadable } from './walk.ts';

export { walkFolder } from './walk.ts';

export type LoadOptions = { maxFileBytes: number };

// Under a tenth of a megabyte in kB, so a small test limit does not read "0.0 MB".
const megabytes = (bytes: number) =>
  bytes < 102_400 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const failure = (path: string, reason: string, status: 'error' | 'skipped' = 'error'): LoadOutcome => ({
  kind: 'failure',
  failure: { path, reason, status },
});

function toOutcome(
  path: string,
  body: string,
  metadata: ArticleMetadata,
  encoding: TextEncoding,
  replaced = 0,
  warnings: readonly string[] = [],
): LoadOutcome {
  const text = normaliseText(body);
  if (!text) return failure(path, 'no article text found');
  return {
    kind: 'article',
    article: {
      path,
      text,
      encoding,
      ...(replaced > 0 ? { replaced } : {}),
      metadata,
      ...(warnings.length ? { warnings: [...warnings] } : {}),
    },
  };
}

function parseByExtension(
  extension: string,
  text: string,
): { body: string; metadata: ArticleMetadata; warnings?: string[] } | { reason: string } {
  switch (extension) {
    case '.md':
      return parseMarkdown(text);
    case '.html':
    case '.htm':
      return parseHtml(text);
    case '.json': {
      const parsed = parseArticleJson(text);
      return parsed.ok ? parsed : { reason: parsed.reason };
    }
    default:
      return parseTxt(text);
  }
}

type RawLine = { number: number; bytes: Buffer } | { number: number; overBytes: number };

/**
 * Splits a byte stream into lines without ever holding more than `maxLineBytes` of one line: a
 * longer line is counted to its end and dropped, so a 700 MB line costs a chunk, not 700 MB.
 */
export async function* boundedLines(chunks: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let length = 0;
  let number = 1;
  const finish = (): RawLine => {
    const line: RawLine =
      length > maxLineBytes ? { number, overBytes: length } : { number, bytes: Buffer.concat(parts, length) };
    parts = [];
    length = 0;
    number += 1;
    return line;
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(10, start);
      const piece = chunk.subarray(start, newline < 0 ? chunk.length : newline);
      length += piece.length;
      if (length <= maxLineBytes) parts.push(piece);
      else parts = [];
      if (newline < 0) break;
      yield finish();
      start = newline + 1;
    }
  }
  if (length > 0) yield finish();
}

/** The articles of a .jsonl stream: each line its own article or its own failure, never the stream's. */
export async function* jsonLineOutcomes(
  chunks: AsyncIterable<Buffer>,
  path: string,
  options: LoadOptions,
): AsyncGenerator<LoadOutcome> {
  for await (const line of boundedLines(chunks, options.maxFileBytes)) {
    const linePath = `${path}#${line.number}`;
    if ('overBytes' in line) {
      yield failure(
        linePath,
        `line is ${megabytes(line.overBytes)}, over the ${megabytes(options.maxFileBytes)} limit (raise it with --max-file-mb)`,
      );
      continue;
    }
    const bytes = line.bytes.at(-1) === 13 ? line.bytes.subarray(0, -1) : line.bytes;
    if (!bytes.some((byte) => byte !== 32 && byte !== 9)) continue;
    const decoded = decodeText(bytes);
    if (!decoded.ok) {
      yield failure(linePath, `line: ${decoded.reason}`);
      continue;
    }
    const parsed = parseArticleJson(decoded.text);
    yield parsed.ok
      ? toOutcome(linePath, parsed.body, parsed.metadata, decoded.encoding, decoded.replaced)
      : failure(linePath, parsed.reason);
  }
}

/** A .jsonl feed, streamed line by line so a large feed, or a huge line, never sits in memory whole. */
function loadJsonLines(absolute: string, path: string, options: LoadOptions): AsyncGenerator<LoadOutcome> {
  return jsonLineOutcomes(createReadStream(absolute), path, options);
}

/** One file: an article, several (a .jsonl feed), or a failure with its reason. */
export async function* loadFile(
  absolute: string,
  path: string,
  options: LoadOptions,
  known?: FileStamp,
): AsyncGenerator<LoadOutcome> {
  const unreadable = await whyNotReadable(absolute, path);
  if (unreadable) {
    yield failure(path, unreadable.reason, unreadable.status);
    return;
  }
  let stamp = known;
  if (!stamp) {
    try {
      const { size, mtimeMs } = await stat(absolute);
      stamp = { size, mtimeMs };
    } catch (error) {
      yield failure(path, `could not read: ${oneLine(error)}`);
      return;
    }
  }
  for await (const outcome of loadStampedFile(absolute, path, stamp, options)) {
    if (outcome.kind === 'article') outcome.article.stamp = stamp;
    else outcome.failure.stamp = stamp;
    yield outcome;
  }
}

async function* loadStampedFile(
  absolute: string,
  path: string,
  { size }: FileStamp,
  options: LoadOptions,
): AsyncGenerator<LoadOutcome> {
  const extension = extname(path).toLowerCase();
  if (!(ARTICLE_EXTENSIONS as readonly string[]).includes(extension)) {
    yield failure(
      path,
      `unsupported file type "${extension || 'none'}" (claimlens reads ${ARTICLE_EXTENSIONS.join(' ')})`,
      'skipped',
    );
    return;
  }
  try {
    if (extension === '.jsonl') {
      yield* loadJsonLines(absolute, path, options);
      return;
    }
    if (size > options.maxFileBytes) {
      yield failure(
        path,
        `file is ${megabytes(size)}, over the ${megabytes(options.maxFileBytes)} limit (raise it with --max-file-mb)`,
      );
      return;
    }
    const decoded = decodeText(await readFile(absolute));
    if (!decoded.ok) {
      yield failure(path, decoded.reason);
      return;
    }
    const parsed = parseByExtension(extension, decoded.text);
    yield 'reason' in parsed
      ? failure(path, parsed.reason)
      : toOutcome(path, parsed.body, parsed.metadata, decoded.encoding, decoded.replaced, parsed.warnings);
  } catch (error) {
    yield failure(path, `could not read: ${oneLine(error)}`);
  }
}

/** Every article below a folder, in a stable order; failures are outcomes, never exceptions. */
export async function* loadFolder(folder: string, options: LoadOptions): AsyncGenerator<LoadOutcome> {
  for await (const file of walkFolder(folder)) yield* loadFile(file.absolute, file.relative, options);
}

/** The stamp a file has now, to compare with the one stored; undefined when it cannot be read. */
export async function stampOf(absolute: string): Promise<FileStamp | undefined> {
  const stats = await stat(absolute).catch(() => undefined);
  return stats && { size: stats.size, mtimeMs: stats.mtimeMs };
}
