import { benchOnce } from '../pipeline/bench/dedup-scale.ts';
import { syntheticClaims } from '../pipeline/bench/dedup-synthetic.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSize } from '../pipeline/bench/run-bench.ts';
import { findChromium, measurePage, PAGE_TABS } from '../pipeline/bench/page.ts';
import { generateCorpus } from '../pipeline/bench/generate.ts';
import { detectLanguage } from '../pipeline/detect-language/index.ts';
import { contentId } from '../pipeline/hash.ts';
import type { ArticleForExtraction } from '../schemas/article.ts';
import { loadFolder } from '../pipeline/load/index.ts';
import { tempDir } from './support/folder.ts';
import { ingest } from './support/ingest.ts';
import { sentenceExtractor } from './support/sentence-extractor.ts';

async function loaded(folder: string) {
  const articles = [];
  for await (const outcome of loadFolder(folder, { maxFileBytes: 1_000_000 })) {
    expect(outcome.kind, JSON.stringify(outcome)).toBe('article');
    if (outcome.kind === 'article') articles.push(outcome.article);
  }
  return articles;
}

describe('the benchmark corpus generator', () => {
  it('writes the number of articles asked for, in nl, de and en, in every format, all loadable and detected as labelled', async () => {
    const folder = join(tempDir(), 'gen');
    const manifest = generateCorpus(folder, 120);
    const articles = await loaded(folder);
    expect(articles).toHaveLength(120);
    expect(manifest.articles).toBe(120);
    expect(Object.keys(manifest.byFormat).sort()).toEqual(['html', 'jsonl', 'md', 'txt']);
    const detected = { nl: 0, de: 0, en: 0 } as Record<string, number>;
    for (const article of articles) {
      const guess = detectLanguage(article.text);
      expect(guess.supported).toBe(true);
      detected[guess.code] = (detected[guess.code] ?? 0) + 1;
      expect(article.metadata.outlet).toBeTruthy();
      expect(article.metadata.published?.precision).toBe('day');
    }
    expect(detected).toEqual(manifest.byLanguage);
  });

  it('repeats some texts exactly and makes the listed articles contradict their event', async () => {
    const folder = join(tempDir(), 'gen');
    const manifest = generateCorpus(folder, 300);
    const articles = await loaded(folder);
    const distinct = new Set(articles.map((article) => contentId(article.text)));
    expect(manifest.exactDuplicates).toBeGreaterThan(0);
    expect(distinct.size).toBe(articles.length - manifest.exactDuplicates);
    expect(manifest.contradictions.length).toBeGreaterThan(0);
    const paths = new Set(articles.map((article) => article.path));
    for (const contradiction of manifest.contradictions)
      expect(paths.has(contradiction.path), contradiction.path).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const a = join(tempDir(), 'a');
    const b = join(tempDir(), 'b');
    generateCorpus(a, 40, 7);
    generateCorpus(b, 40, 7);
    const files = (root: string) =>
      readdirSync(join(root, '0000'))
        .sort()
        .map((name) => readFileSync(join(root, '0000', name), 'utf8'));
    expect(files(a)).toEqual(files(b));
  });
});

describe('the benchmark', () => {
  it('reads sizes as a user writes them', () => {
    expect(['1k', '10k', '100k', '250', '1.5k'].map(parseSize)).toEqual([1000, 10_000, 100_000, 250, 1500]);
    expect(() => parseSize('ten')).toThrow(/not a size/);
  });

  it('is timed by the run itself: every stage of the pipeline, over every generated article, all stored', async () => {
    const folder = join(tempDir(), 'gen');
    generateCorpus(folder, 30);
    const seen: ArticleForExtraction[] = [];
    const inner = sentenceExtractor();
    const extractor = {
      ...inner,
      async extract(article: ArticleForExtraction) {
        seen.push(article);
        if (seen.length === 3) throw new Error('model answered garbage twice');
        return inner.extract(article);
      },
    };
    const { db, summary } = await ingest(folder, tempDir(), { extractor, concurrency: 1 });
    try {
      const stages = summary.stageSeconds;
      expect(Object.keys(stages).sort()).toEqual(
        ['contradictions', 'dedup', 'detect', 'extract', 'ground', 'ingest', 'load', 'report', 'store'].sort(),
      );
      // One article at a time: the article steps fit inside the article phase's wall time.
      const steps = ['load', 'detect', 'extract', 'ground', 'store'].reduce((sum, name) => sum + stages[name]!, 0);
      expect(steps).toBeLessThanOrEqual(stages.ingest! + 0.05);
      expect(seen.every((article) => article.title && article.outlet && article.published)).toBe(true);
      const statuses = db.prepare('SELECT status, count(*) AS n FROM v_articles GROUP BY status').all();
      expect(statuses).toContainEqual({ status: 'error', n: 1 });
      expect((db.prepare('SELECT count(*) AS n FROM v_articles').get() as { n: number }).n).toBe(summary.articles);
    } finally {
      db.close();
    }
  });
});

describe('npm run bench', () => {
  it('prints a table of every stage for each size and writes bench.json', async () => {
    const { execFileSync } = await import('node:child_process');
    const out = tempDir();
    const root = join(import.meta.dirname, '..');
    const stdout = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'pipeline/cli/bench.ts',
        '--sizes',
        '40',
        '--no-llm',
        '--no-page',
        '--no-models',
        '--out',
        out,
      ],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    for (const stage of [
      'load',
      'detect',
      'extract',
      'store',
      'dedup',
      'contradictions',
      'report',
      'cached re-run',
      'inserts/s',
      'detections/s',
    ])
      expect(stdout).toContain(stage);
    const figures = JSON.parse(readFileSync(join(out, 'bench.json'), 'utf8'));
    expect(figures.sizes).toHaveLength(1);
    expect(figures.sizes[0]).toMatchObject({ size: 40, run: { articles: 40, cached: { unchanged: 40, llmCalls: 0 } } });
    // "load" etc. also appear in the ingest row's label: the per-stage figures must be there in their own right.
    for (const stage of ['load', 'detect', 'extract', 'ground', 'store'])
      expect(figures.sizes[0].run.stageSeconds[stage]).toBeGreaterThan(0);
    expect(stdout).toMatch(/^\s*40\s+rules\s+ground\b/m);
    expect(figures.sizes[0].error).toBeUndefined();
  }, 120_000);

  it('rejects a bad --dedup-sizes before it benchmarks anything', async () => {
    const { spawnSync } = await import('node:child_process');
    const out = tempDir();
    const root = join(import.meta.dirname, '..');
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'pipeline/cli/bench.ts',
        '--sizes',
        '40',
        '--no-llm',
        '--dedup-sizes',
        '10k,ten',
        '--out',
        out,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(child.status).toBe(2);
    expect(child.stderr).toMatch(/not a size: "ten"/);
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);
});

describe.skipIf(!findChromium())('the report page bench', () => {
  it('opens each tab of a generated report in headless Chromium and reads when it was first drawn', () => {
    const page = measurePage(findChromium()!, { articles: 30, claimsPerArticle: 4, contradictions: 20 });
    expect(page).toMatchObject({ articles: 30, claims: 120, contradictions: 20 });
    for (const tab of PAGE_TABS) {
      expect(page.tabs[tab].firstRenderMs).toBeGreaterThan(0);
      expect(page.tabs[tab].firstRenderMs).toBeLessThan(page.tabs[tab].chromiumSeconds * 1000);
    }
  }, 120_000);
});

describe('dedup bench with sentence vectors', () => {
  it('puts each mention of an event in its own article, as dedup never joins an article to itself', () => {
    const claims = syntheticClaims(2000);
    const seen = new Set<string>();
    for (const claim of claims) {
      const key = `${claim.event}\u0000${claim.article_id}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    // Articles still hold several claims, of different events.
    expect(new Set(claims.map((claim) => claim.article_id)).size).toBeLessThan(claims.length / 2);
  });

  it('gives every generated claim a vector and still finds the planted events', () => {
    const plain = benchOnce(2000);
    const embedded = benchOnce(2000, true);
    expect(embedded.vectors).toBe(true);
    expect(plain.vectors).toBe(false);
    expect(embedded.precision).toBeGreaterThanOrEqual(0.95);
    expect(embedded.recall).toBeGreaterThanOrEqual(0.9);
    expect(embedded.recall).toBeGreaterThanOrEqual(plain.recall - 0.05);
    // Vectors add blocking keys, so more pairs are compared than on words alone.
    expect(embedded.comparisons).toBeGreaterThan(plain.comparisons);
  });
});
