import { constants } from 'node:buffer';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES, EmbeddingsSpec, MEGABYTE, RunConfig } from '../../schemas/config.ts';
import { ClaimlensError } from '../errors.ts';
import { ARTICLE_EXTENSIONS } from '../load/walk.ts';
import { resolveEmbeddings } from '../providers/embeddings.ts';
import { REQUEST_DEFAULTS, resolveExtractor } from '../providers/index.ts';
import { databasePath, runIngest } from '../run.ts';
import { databaseCache, lockDatabase, openDatabase, storageFailure, type ResponseCache } from '../store/index.ts';
import { integerOption, parseCommand, runIfMain, shown, timeoutOption, type CommandSpec } from './command.ts';
import { countArticles } from './count-articles.ts';
import { createProgress } from './progress.ts';
import { formatSummary } from './summary.ts';
import { printableLine } from './table.ts';

export const INGEST = {
  name: 'ingest',
  usage: 'npm run ingest -- [folder] [options]',
  description: 'Reads a folder of Dutch, German and English articles and stores their claims in <out>/claims.sqlite.',
  positionals: [{ name: 'folder', description: 'folder of .txt .md .html .json .jsonl articles (default: corpus)' }],
  options: {
    out: { type: 'string', description: 'output folder', default: 'out', placeholder: 'dir' },
    llm: {
      type: 'string',
      description: 'extractor: rules, openai:<model>, ollama:<model>, gguf:<path>',
      default: 'rules',
      env: 'CLAIMLENS_LLM',
      placeholder: 'spec',
    },
    embeddings: {
      type: 'string',
      description:
        "embeddings for dedup: openai:<model>, ollama:<model>, none (default: the --llm provider's own; none for rules)",
      env: 'CLAIMLENS_EMBEDDINGS',
      placeholder: 'spec',
    },
    concurrency: { type: 'string', description: 'articles extracted at once', default: '4', placeholder: 'n' },
    force: { type: 'boolean', description: 'extract again even where nothing changed' },
    'max-file-mb': {
      type: 'string',
      description: 'larger files are recorded as errors, not read',
      default: '5',
      placeholder: 'mb',
    },
    'timeout-s': { type: 'string', description: 'time-out for one LLM request', default: '120', placeholder: 's' },
    json: { type: 'boolean', description: 'print the summary as JSON' },
    quiet: { type: 'boolean', description: 'no progress output' },
  },
  examples: [
    'npm run ingest',
    'npm run ingest -- ./articles --llm openai:gpt-4o-mini',
    'npm run ingest -- feeds --out /tmp/run --concurrency 8',
  ],
} satisfies CommandSpec;

/** A file (or a .jsonl line) is held as one string; a limit past the longest string Node can hold is no limit. */
const LARGEST_FILE_MB = Math.floor(constants.MAX_STRING_LENGTH / MEGABYTE);

function maxFileBytesOption(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_FILE_BYTES;
  const megabytes = Number(value);
  if (!(megabytes > 0))
    throw new ClaimlensError('BAD_ARGS', `--max-file-mb must be a positive number of MB, got ${shown(value)}`);
  if (megabytes > LARGEST_FILE_MB) {
    throw new ClaimlensError(
      'BAD_ARGS',
      `--max-file-mb must be at most ${LARGEST_FILE_MB} MB, the longest text Node holds as one string, got ${value}`,
    );
  }
  // At least one byte: a limit that rounds to zero would refuse every file.
  return Math.max(1, Math.round(megabytes * MEGABYTE));
}

export async function main(argv: string[]): Promise<number> {
  const { positionals, options } = parseCommand(INGEST, argv);
  const folder = resolve(positionals[0] ?? 'corpus');
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ClaimlensError(
      'NO_FOLDER',
      `no folder at ${folder}`,
      'give the folder of articles as the first argument',
    );
  }
  const out = resolve(options.out ?? 'out');
  const { minValue, maxValue } = RunConfig.shape.concurrency;
  const concurrency = integerOption(options.concurrency, 'concurrency', 4, minValue ?? 1, maxValue ?? undefined);
  const maxFileBytes = maxFileBytesOption(options['max-file-mb']);
  const parsed = RunConfig.safeParse({ folder, out, concurrency, force: options.force, maxFileBytes });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ClaimlensError('BAD_ARGS', `${issue.path.join('.')}: ${issue.message}`, 'see npm run ingest -- --help');
  }
  const config = parsed.data;
  const spec = options.llm ?? 'rules';
  const embeddingsSpec = options.embeddings === undefined ? undefined : EmbeddingsSpec.safeParse(options.embeddings);
  if (embeddingsSpec && !embeddingsSpec.success) {
    throw new ClaimlensError(
      'BAD_EMBEDDINGS_SPEC',
      `--embeddings "${options.embeddings}": ${embeddingsSpec.error.issues[0]!.message}`,
      'see npm run ingest -- --help',
    );
  }

  const file = databasePath(out);
  // The model's answers are cached in the database, but the database is opened only once the
  // extractor is known to work: a refused --llm leaves no file behind.
  let answers: ResponseCache | undefined;
  const cache: ResponseCache = { get: (key) => answers?.get(key), set: (key, entry) => answers?.set(key, entry) };
  const providerContext = {
    cache,
    env: process.env,
    ...REQUEST_DEFAULTS,
    requestTimeoutMs: timeoutOption(options['timeout-s'], REQUEST_DEFAULTS.requestTimeoutMs),
    warn: (message: string) => process.stderr.write(`claimlens: ${printableLine(message)}\n`),
  };
  const extractor = await resolveExtractor(spec, providerContext);
  let embedder;
  try {
    embedder = await resolveEmbeddings(embeddingsSpec?.data, { ...providerContext, extractor });
  } catch (error) {
    await extractor.close?.();
    throw error;
  }
  let db;
  let unlock;
  try {
    db = openDatabase(file);
    unlock = await lockDatabase(file);
  } catch (error) {
    db?.close();
    await extractor.close?.();
    throw error;
  }
  answers = databaseCache(db);
  const quietNotice = options.quiet || options.json;
  try {
    if (extractor.extractor === 'rules' && !quietNotice) {
      process.stderr.write(
        'claimlens: extracting with offline rules; for an LLM set --llm openai:<model> (or ollama:, gguf:), see README\n',
      );
    }
    const tty = Boolean(process.stdout.isTTY);
    const progress = createProgress({ tty, quiet: Boolean(quietNotice) });
    // The bar's total: a count beside the run (each .jsonl line is an article), growing as it walks.
    if (tty && !quietNotice) void countArticles(folder, (total) => progress.found(total));
    let summary;
    try {
      summary = await runIngest(
        config,
        db,
        extractor,
        {
          onArticle: (event) => progress.article(event),
          onStage: (stage) => progress.stage(stage),
        },
        { embedder },
      );
    } finally {
      progress.stop();
      await extractor.close?.();
    }
    if (options.json) process.stdout.write(`${JSON.stringify({ database: file, ...summary }, null, 2)}\n`);
    else {
      process.stdout.write(`\n${formatSummary(summary)}\n\n`);
      if (summary.articles === 0) {
        process.stderr.write(
          `claimlens: no files found in ${folder}; it reads ${ARTICLE_EXTENSIONS.join(' ')} (see .claimlensignore)\n`,
        );
      }
      for (const warning of summary.warnings) process.stderr.write(`claimlens: ${printableLine(warning)}\n`);
      process.stdout.write(`database: ${file}\n${summary.reports.map((report) => `report:   ${report}\n`).join('')}`);
    }
    return 0;
  } catch (error) {
    // A full disk or an IO error is the machine's, not a bug: one line and exit 2, not a stack trace.
    throw storageFailure(error, { file }) ?? error;
  } finally {
    try {
      db.close();
    } catch {
      // closing after a failed write may fail the same way; the error above is the one to report
    }
    await unlock();
  }
}

await runIfMain(import.meta.url, main);
