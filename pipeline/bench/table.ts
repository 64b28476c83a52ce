import type { BenchResult, RunMeasurement, SizeOutcome } from './run-bench.ts';

const fixed = (value: number, digits = 2) => Number(value.toFixed(digits));
// Below 10 ms a rate says more about the clock than the stage.
const rate = (articles: number, seconds: number) => (seconds >= 0.01 ? Math.round(articles / seconds) : null);

export type BenchRow = {
  size: number;
  extractor: string;
  stage: string;
  seconds: number;
  'articles/s': number | null;
  'peak RSS MB': number | null;
  note: string;
};

const share = (part: number, whole: number) => `${whole > 0 ? Math.round((100 * part) / whole) : 0} %`;

/** How many were flagged and, when the generator planted contradictions, precision and recall against them. */
function plantedNote(run: RunMeasurement): string {
  const { planted } = run;
  if (!planted) return `${run.contradictions} flagged`;
  return `${run.contradictions} flagged for ${planted.planted} planted: precision ${share(planted.right, planted.flagged)}, recall ${share(planted.found, planted.planted)}`;
}

function runRows(size: number, run: RunMeasurement, label: string, reference: BenchResult['reference']): BenchRow[] {
  const row = (stage: string, seconds: number, peak: number | null, note = ''): BenchRow => ({
    size,
    extractor: label,
    stage,
    seconds: fixed(seconds),
    'articles/s': rate(run.articles, seconds),
    'peak RSS MB': peak === null ? null : Math.round(peak),
    note,
  });
  const stages = run.stageSeconds;
  const step = (name: string, note: string) => row(`  ${name}`, stages[name] ?? 0, null, note);
  const detectRate = rate(run.articles, stages.detect ?? 0) ?? 0;
  const storeRate = rate(run.articles, stages.store ?? 0) ?? 0;
  return [
    row('ingest (wall time)', stages.ingest ?? 0, null, `${run.claims} claims, ${run.llmCalls} LLM calls`),
    step('load', 'walk, read, decode, parse'),
    step('detect', `${(detectRate / reference.francPerSecond).toFixed(2)} × franc's rate`),
    step('extract', run.spec === 'rules' ? 'rules' : `${run.spec}, requests in flight overlap`),
    step('ground', 'quotes found and checked'),
    step('store', `${((100 * storeRate) / reference.sqliteInsertsPerSecond).toFixed(1)} % of raw insert rate`),
    row('dedup', stages.dedup ?? 0, null, `${run.clusters} clusters`),
    row('contradictions', stages.contradictions ?? 0, null, plantedNote(run)),
    row('report', stages.report ?? 0, null),
    row('whole run', run.seconds, run.peakRssMb),
    row(
      'cached re-run',
      run.cached.seconds,
      run.cached.peakRssMb,
      `${run.cached.unchanged} unchanged, ${run.cached.llmCalls} LLM calls`,
    ),
  ];
}

function sizeRows(result: SizeOutcome, reference: BenchResult['reference']): BenchRow[] {
  const { size } = result;
  const rows: BenchRow[] = [];
  const empty = { 'articles/s': null, 'peak RSS MB': null };
  if (result.manifest && result.generateSeconds !== undefined) {
    const { manifest } = result;
    rows.push({
      size,
      extractor: '',
      stage: 'generate',
      seconds: fixed(result.generateSeconds),
      'articles/s': rate(size, result.generateSeconds),
      'peak RSS MB': null,
      note: `${manifest.events} events, ${manifest.contradictions} contradicting articles, ${manifest.exactDuplicates} exact copies`,
    });
  }
  if (result.run) rows.push(...runRows(size, result.run, 'rules', reference));
  if (result.llm) rows.push(...runRows(Math.min(size, result.llm.articles), result.llm, result.llm.spec, reference));
  if (result.error) rows.push({ size, extractor: '', stage: 'FAILED', seconds: 0, ...empty, note: result.error });
  if (result.childPeakRssMb !== undefined)
    rows.push({
      size,
      extractor: '',
      stage: 'peak of this size',
      seconds: 0,
      'articles/s': null,
      'peak RSS MB': Math.round(result.childPeakRssMb),
      note: 'maxRSS of its child process',
    });
  return rows;
}

export const BENCH_COLUMNS = ['size', 'extractor', 'stage', 'seconds', 'articles/s', 'peak RSS MB', 'note'] as const;

/** What `npm run bench` prints, reference points first: lines before the table, its rows, lines after. */
export function benchTable(result: BenchResult): { before: string[]; rows: BenchRow[]; after: string[] } {
  const { reference } = result;
  return {
    before: [
      'reference points on this machine (same run):',
      `  better-sqlite3: ${Math.round(reference.sqliteInsertsPerSecond).toLocaleString('en-GB')} inserts/s (${reference.sqliteRows.toLocaleString('en-GB')} article-sized rows, one transaction, WAL)`,
      `  franc (nl/de/en only): ${Math.round(reference.francPerSecond).toLocaleString('en-GB')} detections/s on article texts`,
    ],
    rows: result.sizes.flatMap((size) => sizeRows(size, reference)),
    after: [result.memoryNote],
  };
}
