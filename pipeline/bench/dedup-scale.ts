import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { clusterClaims } from '../dedup/cluster.ts';
import { pairwiseScores } from './dedup-pairwise.ts';
import { syntheticClaims, syntheticEmbeddings } from './dedup-synthetic.ts';

/**
 * One size, measured in this process: generation is excluded from the time, not from memory
 * (the peak RSS holds the generated claims and, with vectors, their int8 block of 384 bytes a
 * claim, generated straight into the form the clusterer keeps).
 */
export type DedupBenchRow = {
  claims: number;
  vectors: boolean;
  seconds: number;
  cpuSeconds: number;
  claimsPerSecond: number;
  comparisons: number;
  peakRssMb: number;
  heapUsedMb: number;
  clusters: number;
  precision: number;
  recall: number;
};

export function benchOnce(count: number, vectors = false): DedupBenchRow {
  const claims = syntheticClaims(count);
  const embeddings = vectors ? syntheticEmbeddings(claims) : null;
  global.gc?.();
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = clusterClaims(claims, new Map(), { embeddings });
  const seconds = (performance.now() - start) / 1000;
  // CPU time as well as wall time: on a shared machine the wall clock also counts other work.
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  // The peak up to here: the generated input and the clustering, not the scoring that follows
  // (its maps of a million claim ids would be counted against the clusterer).
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const heapUsedMb = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
  const gold = new Map(claims.map((claim) => [claim.claim_id, String(claim.event)]));
  const scores = pairwiseScores(result.assignments, gold);
  return {
    claims: count,
    vectors,
    seconds: Number(seconds.toFixed(2)),
    cpuSeconds: Number(cpuSeconds.toFixed(2)),
    claimsPerSecond: Math.round(count / seconds),
    comparisons: result.comparisons,
    peakRssMb,
    heapUsedMb,
    clusters: result.statements.size,
    precision: Number(scores.precision.toFixed(3)),
    recall: Number(scores.recall.toFixed(3)),
  };
}

export const parseSize = (text: string) => {
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!match) throw new Error(`bad size ${text}: use e.g. 10k, 100k, 1M`);
  return Math.round(
    Number(match[1]) * (match[2]?.toLowerCase() === 'k' ? 1e3 : match[2]?.toLowerCase() === 'm' ? 1e6 : 1),
  );
};

/** Each size in a fresh child process, so the peak memory is that size's alone. */
export function benchDedup(sizes: readonly number[], vectors = false): DedupBenchRow[] {
  const self = fileURLToPath(import.meta.url);
  return sizes.map((size) => {
    const child = spawnSync(
      process.execPath,
      ['--max-old-space-size=16000', '--import', 'tsx', self, '--one', String(size), ...(vectors ? ['--vectors'] : [])],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    if (child.status !== 0)
      throw new Error(`dedup bench at ${size} failed: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
    return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as DedupBenchRow;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args[0] === '--one') {
    console.log(JSON.stringify(benchOnce(Number(args[1]), args.includes('--vectors'))));
  } else {
    const vectors = args.includes('--vectors');
    const sizes = (args.find((arg) => !arg.startsWith('--')) ?? '10k,100k,1M').split(',').map(parseSize);
    const rows: DedupBenchRow[] = [];
    for (const size of sizes) {
      const [row] = benchDedup([size], vectors);
      rows.push(row!);
      console.log(JSON.stringify(row));
    }
    console.table(rows);
  }
}
