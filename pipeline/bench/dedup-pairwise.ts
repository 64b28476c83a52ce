/**
 * Pairwise clustering precision and recall: of the claim pairs put together, how many belong
 * together (precision); of the pairs that belong together, how many were put together (recall).
 * Counted from cluster-overlap sizes, so it is linear in the number of items.
 */
export type PairwiseScores = {
  precision: number;
  recall: number;
  f1: number;
  predictedPairs: number;
  goldPairs: number;
  truePairs: number;
};

const pairs = (n: number) => (n * (n - 1)) / 2;

export function pairwiseScores(
  predicted: ReadonlyMap<string, string>,
  gold: ReadonlyMap<string, string>,
): PairwiseScores {
  const predictedSizes = new Map<string, number>();
  const goldSizes = new Map<string, number>();
  const overlap = new Map<string, number>();
  for (const [item, goldCluster] of gold) {
    const cluster = predicted.get(item);
    if (cluster === undefined) continue;
    predictedSizes.set(cluster, (predictedSizes.get(cluster) ?? 0) + 1);
    goldSizes.set(goldCluster, (goldSizes.get(goldCluster) ?? 0) + 1);
    const key = `${cluster}\u0000${goldCluster}`;
    overlap.set(key, (overlap.get(key) ?? 0) + 1);
  }
  const sum = (sizes: Iterable<number>) => [...sizes].reduce((total, size) => total + pairs(size), 0);
  const predictedPairs = sum(predictedSizes.values());
  const goldPairs = sum(goldSizes.values());
  const truePairs = sum(overlap.values());
  const precision = predictedPairs ? truePairs / predictedPairs : 1;
  const recall = goldPairs ? truePairs / goldPairs : 1;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    predictedPairs,
    goldPairs,
    truePairs,
  };
}
