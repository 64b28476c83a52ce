import { benchDedup, parseSize, type DedupBenchRow } from '../dedup/bench.ts';

/**
 * Dedup at scale, apart from ingest: 10k, 100k and 1M generated claims clustered in a fresh
 * process each (time, peak memory, comparisons, pairwise precision/recall against the generator's
 * events). For `npm run bench` to print beside its per-stage table.
 */
export function dedupScaleSection(sizes: readonly string[] = ['10k', '100k', '1M']): DedupBenchRow[] {
  return benchDedup(sizes.map(parseSize));
}
