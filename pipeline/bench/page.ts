import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { GroundedClaim } from '../../schemas/claim.ts';
import { contentId } from '../hash.ts';
import { writeReports } from '../run/report.ts';
import { claimId, openDatabase, saveArticle, writeClusters } from '../store/index.ts';
import { saveContradictions } from '../store/contradictions.ts';

export const PAGE_TABS = ['contradictions', 'claims', 'articles'] as const;

export type PageMeasurement = {
  articles: number;
  claims: number;
  contradictions: number;
  pageMegabytes: number;
  reportSeconds: number;
  /**
   * Per tab: milliseconds from navigation start to the tab's first render (the page's own clock), and Chromium's whole
   * run.
   */
  tabs: Record<(typeof PAGE_TABS)[number], { firstRenderMs: number; chromiumSeconds: number }>;
};

const LANGUAGES = ['nl', 'de', 'en'] as const;
const OUTLETS = [
  'Dagblad Noord',
  'Berliner Morgenblatt',
  'Harbour Tribune',
  'Evening Ledger',
  'Alpenpost',
  'De Dagkrant',
  'Rheinischer Anzeiger',
];

/** How every check of the page starts Chromium: headless, quiet, no network of its own, a fresh profile. */
export const headlessFlags = (profile: string) => [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  `--user-data-dir=${profile}`,
];

/** Finds a Chromium to open the page with, or null (the bench then says it skipped the page). */
export function findChromium(): string | null {
  return (
    ['chromium', 'chromium-browser', 'google-chrome'].find(
      (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0,
    ) ?? null
  );
}

/**
 * A database of `articles` articles with `claimsPerArticle` claims each, grounded in their text,
 * grouped into clusters of about six claims across outlets, and `contradictions` pairs: the
 * shape a real run leaves, through the same store functions, so the report reads it the real way.
 */
export function syntheticDatabase(file: string, articles: number, claimsPerArticle: number, contradictions: number) {
  const db = openDatabase(file);
  const assignments = new Map<string, string>();
  const statements = new Map<string, string>();
  const ids: string[] = [];
  for (let a = 0; a < articles; a += 1) {
    const language = LANGUAGES[a % 3]!;
    const sentences = Array.from({ length: claimsPerArticle }, (_, c) => {
      const event = (a * claimsPerArticle + c) % Math.ceil((articles * claimsPerArticle) / 6);
      return `The council of district ${event} said on Monday that ${100 + (a % 7)} buses will run on route ${event} from May.`;
    });
    const text = `Report ${a} 📰\n\n${sentences.join(' ')}`;
    const articleId = contentId('bench-page', text);
    let offset = 0;
    const claims: GroundedClaim[] = sentences.map((quote) => {
      const at = text.indexOf(quote, offset);
      offset = at + quote.length;
      // Offsets count code points, and the text starts with an emoji (two UTF-16 units).
      const start = [...text.slice(0, at)].length;
      const event = /district (\d+)/.exec(quote)![1]!;
      return {
        actor: `The council of district ${event}`,
        action: 'said buses will run',
        date: 'on Monday',
        reason: null,
        source: null,
        quote,
        statement_en: `The council of district ${event} said buses will run on route ${event}.`,
        polarity: 'affirmed',
        modality: 'fact',
        date_start: '2024-05-06',
        date_end: '2024-05-06',
        date_precision: 'day',
        char_start: start,
        char_end: start + [...quote].length,
        alignment: 'exact',
        alignment_score: 1,
      };
    });
    const identity = { extractor: 'bench', model: 'synthetic', promptVersion: 'page' };
    saveArticle(db, {
      articleId,
      identity,
      status: 'ok',
      claims,
      unaligned: [],
      article: {
        path: `${language}/article-${a}.txt`,
        text,
        encoding: 'utf-8',
        metadata: {
          title: `Article ${a} about route ${a % 97}`,
          outlet: OUTLETS[a % OUTLETS.length]!,
          published: { iso: `2024-05-${String(1 + (a % 28)).padStart(2, '0')}`, precision: 'day' },
        },
      },
      language: { code: language, confidence: 1, supported: true },
    });
    claims.forEach((claim) => {
      const id = claimId(articleId, claim);
      const cluster = contentId('bench-cluster', /district (\d+)/.exec(claim.quote)![1]!);
      assignments.set(id, cluster);
      statements.set(cluster, claim.statement_en);
      ids.push(id);
    });
  }
  writeClusters(db, { assignments, statements }, {});
  const pairs = Array.from({ length: contradictions }, (_, n) => {
    const [a, b] = [ids[(n * 7) % ids.length]!, ids[(n * 13 + 3) % ids.length]!];
    return {
      contradiction_id: contentId('bench-contradiction', a, b),
      kind: 'numeric' as const,
      claim_a: a,
      claim_b: b,
      explanation: `A gives ${100 + (n % 7)} buses, B gives ${107 + (n % 5)}.`,
      score: 0.5 + (n % 40) / 100,
      judge: 'rules',
      support_a: 1,
      support_b: 1,
    };
  });
  saveContradictions(db, pairs);
  return db;
}

/**
 * The report page's load time at scale: a database of 1,000 articles and 10,000 claims by
 * default, the report written from it, then each tab opened in headless Chromium from file://.
 * The time is the page's own (navigation start to the tab drawn: HTML and JSON parsed, script
 * run), read from the attribute the page sets; Chromium's start-up is reported apart.
 */
export function measurePage(
  chromium: string,
  options: { articles?: number; claimsPerArticle?: number; contradictions?: number } = {},
): PageMeasurement {
  const articles = options.articles ?? 1000;
  const claimsPerArticle = options.claimsPerArticle ?? 10;
  const contradictions = options.contradictions ?? 2000;
  const root = mkdtempSync(join(tmpdir(), 'claimlens-bench-page-'));
  try {
    const db = syntheticDatabase(join(root, 'claims.sqlite'), articles, claimsPerArticle, contradictions);
    const started = performance.now();
    writeReports(db, root);
    const reportSeconds = (performance.now() - started) / 1000;
    db.close();
    const page = join(root, 'report.html');
    const tabs = {} as PageMeasurement['tabs'];
    for (const tab of PAGE_TABS) {
      const profile = mkdtempSync(join(root, 'profile-'));
      const begun = performance.now();
      const result = spawnSync(
        chromium,
        [...headlessFlags(profile), '--window-size=1280,900', '--dump-dom', `${pathToFileURL(page).href}#tab=${tab}`],
        { encoding: 'utf8', timeout: 120_000, maxBuffer: 512 * 1024 * 1024 },
      );
      const chromiumSeconds = (performance.now() - begun) / 1000;
      const ms = new RegExp(`data-first-render-ms-${tab}="(\\d+)"`).exec(result.stdout ?? '')?.[1];
      if (ms === undefined)
        throw new Error(
          `the ${tab} tab did not render in Chromium (${(result.stderr ?? '').split('\n').find((line) => /Uncaught|Error/.test(line)) ?? 'no error printed'})`,
        );
      tabs[tab] = { firstRenderMs: Number(ms), chromiumSeconds };
    }
    return {
      articles,
      claims: articles * claimsPerArticle,
      contradictions,
      pageMegabytes: statSync(page).size / 1024 / 1024,
      reportSeconds,
      tabs,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
