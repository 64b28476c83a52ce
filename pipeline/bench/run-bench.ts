import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES } from '../../schemas/config.ts';
import type { Extractor } from '../extract/index.ts';
import { REQUEST_DEFAULTS, resolveExtractor } from '../providers/index.ts';
import { databasePath, runIngest, type RunSummary } from '../run.ts';
import { databaseCache, memoryCache, openDatabase, type Db } from '../store/index.ts';
import { generateCorpus, type Manifest } from './generate.ts';
import { measure } from './measure.ts';
import { referencePoints, type Reference } from './reference.ts';

export type RunMeasurement = {
  spec: string;
  seconds: number;
  peakRssMb: number;
  stageSeconds: Record<string, number>;
  articles: number;
  claims: number;
  llmCalls: number;
  clusters: number;
  contradictions: number;
  /** against the generator's planted contradictions, when it planted any */
  planted?: PlantedScore;
  cached: { seconds: number; peakRssMb: number; llmCalls: number; unchanged: number };
};

export type SizeResult = {
  size: number;
  manifest: Omit<Manifest, 'contradictions'> & { contradictions: number };
  generateSeconds: number;
  run: RunMeasurement;
  llm: RunMeasurement | null;
};

/** A size whose run failed (e.g. out of memory) keeps the phases it finished and says why it stopped. */
export type SizeOutcome = Partial<SizeResult> & { size: number; error?: string; childPeakRssMb?: number };

/** `kept`: where --keep left the generated folders and databases. */
export type BenchResult = { reference: Reference; sizes: SizeOutcome[]; memoryNote: string; kept?: string };

export type RunOptions = {
  env?: NodeJS.ProcessEnv;
  concurrency?: number;
  requestTimeoutMs?: number;
  withoutJudge?: boolean;
  planted?: Manifest['contradictions'];
};

/**
 * `right`: flags with one side on a planted article and the planted kind (the other side is
 * taken to be of its event: the generator's events share no company); `found`: planted
 * articles with at least one right flag.
 */
export type PlantedScore = { flagged: number; right: number; found: number; planted: number };

/** The shown contradictions scored against what the generator planted. */
export function scorePlanted(db: Db, planted: Manifest['contradictions']): PlantedScore {
  const kindAt = new Map(planted.map((entry) => [entry.path, entry.kind]));
  const rows = db.prepare('SELECT kind, path_a, path_b FROM v_contradictions').all() as {
    kind: string;
    path_a: string | null;
    path_b: string | null;
  }[];
  const found = new Set<string>();
  let right = 0;
  for (const row of rows) {
    const hits = [row.path_a, row.path_b].filter(
      (path): path is string => path !== null && kindAt.get(path) === row.kind,
    );
    if (hits.length > 0) right += 1;
    for (const path of hits) found.add(path);
  }
  return { flagged: rows.length, right, found: found.size, planted: planted.length };
}

/** The same extractor without its judge: the contradictions stage then runs on its offline rules only. */
const withoutJudge = (extractor: Extractor): Extractor => ({
  extractor: extractor.extractor,
  model: extractor.model,
  promptVersion: extractor.promptVersion,
  extract: (article) => extractor.extract(article),
  close: async () => extractor.close?.(),
  ...(extractor.embedder ? { embedder: extractor.embedder } : {}),
});

/**
 * The hook every extractor goes through: the whole pipeline on a folder with `--llm spec`
 * (a fresh database), then again on the same folder (the cached re-run), each timed and with
 * its peak memory. The LLM section calls it with an `openai:` spec pointed at a loopback server.
 */
export async function measureRun(
  folder: string,
  scratch: string,
  spec: string,
  options: RunOptions = {},
): Promise<RunMeasurement> {
  const out = join(scratch, `run-${spec.replace(/[^a-z0-9]+/gi, '-')}`);
  mkdirSync(out, { recursive: true });
  const db = openDatabase(databasePath(out));
  try {
    const resolved = await resolveExtractor(spec, {
      cache: databaseCache(db),
      env: options.env ?? process.env,
      ...REQUEST_DEFAULTS,
      ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    });
    const extractor = options.withoutJudge ? withoutJudge(resolved) : resolved;
    const config = {
      folder,
      out,
      concurrency: options.concurrency ?? 4,
      force: false,
      maxFileBytes: DEFAULT_MAX_FILE_BYTES,
    };
    try {
      const first = await measure(() => runIngest(config, db, extractor));
      const planted = options.planted ? scorePlanted(db, options.planted) : undefined;
      const again = await measure(() => runIngest(config, db, extractor));
      const summary: RunSummary = first.value;
      return {
        spec,
        seconds: first.seconds,
        peakRssMb: first.peakRssMb,
        stageSeconds: summary.stageSeconds,
        articles: summary.articles,
        claims: summary.claims,
        llmCalls: summary.llmCalls,
        clusters: summary.clusters,
        contradictions: summary.contradictions,
        ...(planted ? { planted } : {}),
        cached: {
          seconds: again.seconds,
          peakRssMb: again.peakRssMb,
          llmCalls: again.value.llmCalls,
          unchanged: again.value.unchanged,
        },
      };
    } finally {
      await extractor.close?.();
    }
  } finally {
    db.close();
  }
}

/**
 * A hook for the loopback LLM server: given a folder and scratch dir, measures an LLM run, or null when unavailable.
 */
export type LlmSection = (folder: string, scratch: string) => Promise<RunMeasurement | null>;

export const parseSize = (text: string): number => {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`not a size: "${text}" (use e.g. 1k, 10k, 100k, 500)`);
  const scale = { '': 1, k: 1000, m: 1_000_000 }[match[2]!.toLowerCase() as '' | 'k' | 'm'];
  return Math.round(Number(match[1]) * scale);
};

export type SizeOptions = {
  llm?: LlmSection;
  llmArticles?: number;
  keep?: boolean;
  log?: (line: string) => void;
  onPartial?: (partial: Partial<SizeResult>) => void;
};

/**
 * One size, all in this process: generate, then the whole pipeline (its run times each stage)
 * and its cached re-run, then the LLM section. Each finished phase is handed to `onPartial`, so
 * a later phase that runs out of memory still leaves the earlier figures.
 */
export async function benchSize(root: string, size: number, options: SizeOptions = {}): Promise<SizeResult> {
  const log = options.log ?? (() => {});
  const scratch = join(root, String(size));
  const folder = join(scratch, 'articles');
  const partial: Partial<SizeResult> = { size };
  try {
    log(`generating ${size} articles`);
    const generated = await measure(() => generateCorpus(folder, size));
    const { contradictions, ...manifest } = generated.value;
    Object.assign(partial, {
      manifest: { ...manifest, contradictions: contradictions.length },
      generateSeconds: generated.seconds,
    });
    options.onPartial?.(partial);
    log(`running the pipeline on ${size} articles, then again (cached)`);
    partial.run = await measureRun(folder, scratch, 'rules', { planted: contradictions });
    partial.llm = null;
    options.onPartial?.(partial);
    if (options.llm) {
      const count = Math.min(size, options.llmArticles ?? 200);
      const llmFolder = join(scratch, 'llm-articles');
      generateCorpus(llmFolder, count, 2);
      log(`running the pipeline with the loopback LLM server on ${count} articles`);
      partial.llm = await options.llm(llmFolder, scratch);
      options.onPartial?.(partial);
    }
    return partial as SizeResult;
  } finally {
    if (!options.keep) rmSync(scratch, { recursive: true, force: true });
  }
}

/** Reference points measured on a small generated sample, so every size is read against the same machine speed. */
export async function benchReference(root: string): Promise<Reference> {
  const sample = join(root, 'reference-sample');
  generateCorpus(sample, 200, 3);
  const texts: string[] = [];
  for (const line of readFileSync(join(sample, '0000', 'feed.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean))
    texts.push(String((JSON.parse(line) as { text: string }).text));
  const reference = referencePoints(root, texts);
  rmSync(sample, { recursive: true, force: true });
  return reference;
}

export const newBenchRoot = () => mkdtempSync(join(tmpdir(), 'claimlens-bench-'));
