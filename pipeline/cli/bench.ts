import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClaimlensError } from '../errors.ts';
import { benchDedup } from '../bench/dedup-scale.ts';
import { orchestrateBench } from '../bench/orchestrate.ts';
import { parseSize } from '../bench/run-bench.ts';
import { benchLocalModels } from '../bench/models.ts';
import { findChromium, measurePage, PAGE_TABS, type PageMeasurement } from '../bench/page.ts';
import { BENCH_COLUMNS, benchTable, type BenchRow } from '../bench/table.ts';
import { integerOption, parseCommand, runIfMain, type CommandSpec } from './command.ts';
import { formatTable } from './table.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const BENCH = {
  name: 'bench',
  usage: 'npm run bench -- [options]',
  description:
    'Generates corpora of N articles (nl, de, en, with known duplicates and contradictions) and times each stage, the cached re-run and the libraries underneath.',
  options: {
    sizes: { type: 'string', description: 'comma-separated corpus sizes', default: '1k,10k', placeholder: 'list' },
    'llm-latency-ms': {
      type: 'string',
      description: 'latency of the loopback LLM server (tests/llm-server), if present',
      default: '50',
      placeholder: 'ms',
    },
    'llm-articles': {
      type: 'string',
      description: 'articles in the LLM section (at most the size)',
      default: '200',
      placeholder: 'n',
    },
    'llm-concurrency': {
      type: 'string',
      description: 'requests in flight in the LLM section',
      default: '4',
      placeholder: 'n',
    },
    'no-llm': { type: 'boolean', description: 'skip the LLM section' },
    'no-models': {
      type: 'boolean',
      description: 'skip the real models of `npm run models` (embeddings/s, Gemma 3 270M tokens/s)',
    },
    'dedup-sizes': {
      type: 'string',
      description: 'also cluster this many generated claims alone, e.g. 10k,100k,1M (1M needs ~4 GB)',
      placeholder: 'list',
    },
    'dedup-vectors': {
      type: 'boolean',
      description: 'give the --dedup-sizes claims a 384-wide sentence vector each, as multilingual-e5-small would',
    },
    out: { type: 'string', description: 'where bench.json is written', default: 'out', placeholder: 'dir' },
    'no-page': { type: 'boolean', description: 'skip timing the report page (10,000 claims in headless Chromium)' },
    keep: {
      type: 'boolean',
      description:
        'keep the generated folders and databases, in a claimlens-bench-* folder of the system temp dir (printed at the end)',
    },
    json: { type: 'boolean', description: 'print the figures as JSON instead of a table' },
  },
  examples: [
    'npm run bench',
    'npm run bench -- --sizes 1k',
    'npm run bench -- --sizes 1k,10k,100k --no-llm',
    'npm run bench -- --sizes 1k --no-llm --dedup-sizes 10k,100k,1M',
  ],
} satisfies CommandSpec;

function sizeList(text: string, option: string): number[] {
  let sizes: number[];
  try {
    sizes = text.split(',').filter(Boolean).map(parseSize);
  } catch (error) {
    throw new ClaimlensError('BAD_ARGS', (error as Error).message, 'see npm run bench -- --help');
  }
  if (sizes.length === 0 || sizes.some((size) => size < 1))
    throw new ClaimlensError('BAD_ARGS', `--${option} needs at least one size of 1 or more`);
  return sizes;
}

/** The page rows of the bench table: per tab, the time from navigation to the tab drawn. */
function pageRows(page: PageMeasurement): BenchRow[] {
  const note = `${page.claims.toLocaleString('en-GB')} claims, ${page.contradictions.toLocaleString('en-GB')} contradictions, ${page.pageMegabytes.toFixed(1)} MB page`;
  return [
    {
      size: page.articles,
      extractor: '',
      stage: 'report page: write',
      seconds: Number(page.reportSeconds.toFixed(2)),
      'articles/s': null,
      'peak RSS MB': null,
      note,
    },
    ...PAGE_TABS.map((tab) => ({
      size: page.articles,
      extractor: 'chromium',
      stage: `report page: ${tab} tab drawn`,
      seconds: page.tabs[tab].firstRenderMs / 1000,
      'articles/s': null,
      'peak RSS MB': null,
      note: `from navigation start, file://; Chromium run ${page.tabs[tab].chromiumSeconds.toFixed(1)} s with start-up`,
    })),
  ];
}

export async function main(argv: string[]): Promise<number> {
  const { options } = parseCommand(BENCH, argv);
  const sizes = sizeList(options.sizes ?? '1k,10k', 'sizes');
  // Read before the corpus runs, so a typo does not surface only after minutes of benchmarking.
  const dedupSizes = options['dedup-sizes'] ? sizeList(options['dedup-sizes'], 'dedup-sizes') : [];
  const serverFile = join(ROOT, 'tests', 'llm-server', 'server.ts');
  const llm =
    options['no-llm'] || !existsSync(serverFile)
      ? null
      : {
          serverFile,
          latencyMs: integerOption(options['llm-latency-ms'], 'llm-latency-ms', 50, 0),
          concurrency: integerOption(options['llm-concurrency'], 'llm-concurrency', 4),
          articles: integerOption(options['llm-articles'], 'llm-articles', 200),
        };
  const log = options.json ? () => {} : (line: string) => process.stderr.write(`bench: ${line}\n`);
  const result = await orchestrateBench({ sizes, llm, keep: options.keep, log });
  const chromium = options['no-page'] ? null : findChromium();
  if (!options['no-page'] && !chromium) log('no chromium on PATH: the report page is not timed');
  if (chromium) log('timing the report page: 10,000 claims from 1,000 articles, each tab opened in headless Chromium');
  const page = chromium ? measurePage(chromium) : null;
  const out = resolve(options.out ?? 'out');
  mkdirSync(out, { recursive: true });
  const file = join(out, 'bench.json');
  writeFileSync(
    file,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), node: process.version, ...result, page }, null, 2)}\n`,
  );
  if (options.json) process.stdout.write(`${JSON.stringify({ ...result, page }, null, 2)}\n`);
  else {
    const { before, rows, after } = benchTable(result);
    const table = formatTable([...rows, ...(page ? pageRows(page) : [])], BENCH_COLUMNS);
    process.stdout.write(`${[...before, '', table, '', ...after].join('\n')}\nfigures: ${file}\n`);
  }
  if (result.kept) process.stdout.write(`kept: ${result.kept}\n`);
  if (dedupSizes.length > 0) {
    // Dedup at scale, apart from ingest: each size clustered in a fresh process of its own.
    const table = benchDedup(dedupSizes, options['dedup-vectors'] === true).map((row) => ({
      claims: row.claims,
      seconds: Number(row.seconds.toFixed(2)),
      'cpu s': Number(row.cpuSeconds.toFixed(2)),
      'claims/s': Math.round(row.claimsPerSecond),
      'comparisons/claim': Number((row.comparisons / row.claims).toFixed(1)),
      'peak RSS MB': Math.round(row.peakRssMb),
      clusters: row.clusters,
      precision: Number(row.precision.toFixed(3)),
      recall: Number(row.recall.toFixed(3)),
    }));
    const vectors = options['dedup-vectors']
      ? ', each with a 384-wide vector (stored as int8, the form the clusterer keeps)'
      : '';
    process.stdout.write(
      `\ndedup alone on generated claims${vectors} (each size in a fresh process; peak RSS counts the generated input too):\n${formatTable(table)}\n`,
    );
  }
  if (!options['no-models']) {
    const models = await benchLocalModels({
      log: options.json ? () => {} : (line) => process.stderr.write(`bench: ${line}\n`),
    });
    for (const line of models.skipped) process.stdout.write(`\n${line}\n`);
    if (models.rows.length > 0)
      process.stdout.write(
        `\nreal models, through claimlens and in a bare loop of the same calls (ratio = claimlens / bare):\n${formatTable(models.rows)}\n`,
      );
  }
  return 0;
}

await runIfMain(import.meta.url, main);
