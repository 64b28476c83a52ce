import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import type { ArticleMetadata, FileStamp, LoadOutcome } from '../../schemas/article.ts';
import { oneLine } from '../errors.ts';
import { decodeText } from './decode.ts';
import { parseHtml } from './formats/html.ts';
import { parseArticleJson } from './formats/json.ts';
import { parseMarkdown } from './formats/md.ts';
import { parseTxt } from './formats/txt.ts';
import { normaliseText } from './normalise.ts';
import { ARTICLE_EXTENSIONS, walkFolder } from './walk.ts';

export type LoadOptions = { maxFileBytes: number };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const failure = (path: string, reason: string, status: 'error' | 'skipped' = 'error'): LoadOutcome => ({
  kind: 'failure',
  failure: { path, reason, status },
});

function toOutcome(path: string, body: string, metadata: ArticleMetadata, encoding: 'utf-8' | 'windows-1252', warnings: readonly string[] = []): LoadOutcome {
  const text = normaliseText(body);
  if (!text) return failure(path, 'no article text found');
  return { kind: 'article', article: { path, text, encoding, metadata, ...(warnings.length ? { warnings: [...warnings] } : {}) } };
}

function parseByExtension(extension: string, text: string): { body: string; metadata: ArticleMetadata; warnings?: string[] } | { reason: string } {
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

/** A .jsonl feed, streamed line by line so a large feed never sits in memory whole. */
async function* loadJsonLines(absolute: string, path: string, options: LoadOptions): AsyncGenerator<LoadOutcome> {
  const lines = createInterface({ input: createReadStream(absolute, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (!line.trim()) continue;
    const linePath = `${path}#${lineNumber}`;
    if (Buffer.byteLength(line) > options.maxFileBytes) {
      yield failure(linePath, `line is ${megabytes(Buffer.byteLength(line))}, over the ${megabytes(options.maxFileBytes)} limit`);
      continue;
    }
    if (line.includes('\uFFFD')) {
      yield failure(linePath, 'line is not valid UTF-8');
      continue;
    }
    const parsed = parseArticleJson(line);
    yield parsed.ok ? toOutcome(linePath, parsed.body, parsed.metadata, 'utf-8') : failure(linePath, parsed.reason);
  }
}

/** One file: an article, several (a .jsonl feed), or a failure with its reason. */
export async function* loadFile(absolute: string, path: string, options: LoadOptions, known?: FileStamp): AsyncGenerator<LoadOutcome> {
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

async function* loadStampedFile(absolute: string, path: string, { size }: FileStamp, options: LoadOptions): AsyncGenerator<LoadOutcome> {
  const extension = extname(path).toLowerCase();
  if (!(ARTICLE_EXTENSIONS as readonly string[]).includes(extension)) {
    yield failure(path, `unsupported file type "${extension || 'none'}" (claimlens reads ${ARTICLE_EXTENSIONS.join(' ')})`, 'skipped');
    return;
  }
  try {
    if (extension === '.jsonl') {
      yield* loadJsonLines(absolute, path, options);
      return;
    }
    if (size > options.maxFileBytes) {
      yield failure(path, `file is ${megabytes(size)}, over the ${megabytes(options.maxFileBytes)} limit (raise it with --max-file-mb)`);
      return;
    }
    const decoded = decodeText(await readFile(absolute));
    if (!decoded.ok) {
      yield failure(path, decoded.reason);
      return;
    }
    const parsed = parseByExtension(extension, decoded.text);
    yield 'reason' in parsed ? failure(path, parsed.reason) : toOutcome(path, parsed.body, parsed.metadata, decoded.encoding, parsed.warnings);
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
