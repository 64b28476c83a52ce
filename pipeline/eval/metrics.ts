/**
 * The scores of `npm run eval`, as pure functions of predicted and gold items, so each can be
 * checked with a literal.
 */

export type Span = { path: string; char_start: number; char_end: number };

/** Overlap of two spans of one article as a share of the shorter; 0 across articles. */
export function spanOverlap(a: Span, b: Span): number {
  if (a.path !== b.path) return 0;
  const shorter = Math.min(a.char_end - a.char_start, b.char_end - b.char_start);
  if (shorter <= 0) return 0;
  const overlap = Math.min(a.char_end, b.char_end) - Math.max(a.char_start, b.char_start);
  return Math.max(0, overlap) / shorter;
}

export const MATCH_OVERLAP = 0.5;

/**
 * One-to-one matching of predicted to gold spans: the pairs overlapping by at least half of the
 * shorter span, best overlap first, so two predictions never both take the same gold claim.
 */
export function matchSpans<P extends Span, G extends Span>(
  predicted: readonly P[],
  gold: readonly G[],
): { pairs: [P, G][]; unmatchedPredicted: P[]; unmatchedGold: G[] } {
  const goldByPath = new Map<string, G[]>();
  for (const item of gold) goldByPath.set(item.path, [...(goldByPath.get(item.path) ?? []), item]);
  const candidates: { p: P; g: G; overlap: number }[] = [];
  for (const p of predicted) {
    for (const g of goldByPath.get(p.path) ?? []) {
      const overlap = spanOverlap(p, g);
      if (overlap >= MATCH_OVERLAP) candidates.push({ p, g, overlap });
    }
  }
  candidates.sort((x, y) => y.overlap - x.overlap);
  const usedP = new Set<P>();
  const usedG = new Set<G>();
  const pairs: [P, G][] = [];
  for (const { p, g } of candidates) {
    if (usedP.has(p) || usedG.has(g)) continue;
    usedP.add(p);
    usedG.add(g);
    pairs.push([p, g]);
  }
  return {
    pairs,
    unmatchedPredicted: predicted.filter((p) => !usedP.has(p)),
    unmatchedGold: gold.filter((g) => !usedG.has(g)),
  };
}

export type PRF = { precision: number; recall: number; f1: number };

const withF1 = (precision: number, recall: number): PRF => ({
  precision,
  recall,
  f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
});

export function prf(truePositives: number, predicted: number, actual: number): PRF {
  return withF1(predicted > 0 ? truePositives / predicted : 0, actual > 0 ? truePositives / actual : 0);
}

const tokens = (text: string) =>
  new Set(
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  );

/** Token F1 of two phrases: 1 for the same words in any order, 0 for nothing in common. */
export function tokenF1(a: string, b: string): number {
  const left = tokens(a);
  const right = tokens(b);
  if (left.size === 0 && right.size === 0) return 1;
  const shared = [...left].filter((token) => right.has(token)).length;
  return left.size + right.size > 0 ? (2 * shared) / (left.size + right.size) : 0;
}

export const FIELD_AGREEMENT = 0.5;

/**
 * Whether a predicted field says what the gold one says: both empty, or sharing at least half
 * their words. `fallback` stands in for an empty gold value (the outlet, for an unattributed source).
 */
export function fieldAgrees(predicted: string | null, gold: string | null, fallback: string | null = null): boolean {
  const p = predicted?.trim() || null;
  const g = gold?.trim() || null;
  if (g === null) return p === null || (fallback !== null && tokenF1(p, fallback) >= FIELD_AGREEMENT);
  if (p === null) return false;
  return tokenF1(p, g) >= FIELD_AGREEMENT;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * Pairwise clustering scores over items that have both a gold and a predicted cluster: a pair is
 * predicted together when both carry the same non-null predicted cluster.
 */
export function pairwiseClusters(
  items: readonly { gold: string; predicted: string | null }[],
): PRF & { goldPairs: number; predictedPairs: number } {
  let goldPairs = 0;
  let predictedPairs = 0;
  let both = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      const sameGold = a.gold === b.gold;
      const samePredicted = a.predicted !== null && a.predicted === b.predicted;
      if (sameGold) goldPairs += 1;
      if (samePredicted) predictedPairs += 1;
      if (sameGold && samePredicted) both += 1;
    }
  }
  return { ...prf(both, predictedPairs, goldPairs), goldPairs, predictedPairs };
}

export type GoldPair = { a: string; b: string; kind?: string };
export type PredictedPair = { a: string | null; b: string | null; kind: string };

export type ContradictionScore = PRF & {
  predicted: number;
  found: number;
  gold: number;
  kindRight: number;
  falseAlarms: number;
  nearMisses: number;
  unannotated: number;
};

/**
 * Predicted contradictions (their claims mapped to gold ids, null when a claim matched none)
 * against gold contradiction pairs and near misses. A gold pair listed under several kinds is
 * one pair; its kind is right when it is any of them. Flagged near misses are false alarms.
 */
export function scoreContradictions(
  predicted: readonly PredictedPair[],
  gold: readonly GoldPair[],
  nearMisses: readonly GoldPair[],
): ContradictionScore {
  const goldKinds = new Map<string, Set<string>>();
  for (const pair of gold) {
    const key = pairKey(pair.a, pair.b);
    goldKinds.set(key, new Set([...(goldKinds.get(key) ?? []), ...(pair.kind ? [pair.kind] : [])]));
  }
  const nearKeys = new Set(nearMisses.map((pair) => pairKey(pair.a, pair.b)));
  const found = new Set<string>();
  const flaggedNear = new Set<string>();
  let kindRight = 0;
  let truePredictions = 0;
  let unannotated = 0;
  for (const pair of predicted) {
    if (pair.a === null || pair.b === null || pair.a === pair.b) {
      unannotated += 1;
      continue;
    }
    const key = pairKey(pair.a, pair.b);
    const kinds = goldKinds.get(key);
    if (kinds) {
      truePredictions += 1;
      if (!found.has(key) && kinds.has(pair.kind)) kindRight += 1;
      found.add(key);
    } else if (nearKeys.has(key)) flaggedNear.add(key);
    else unannotated += 1;
  }
  // A gold pair flagged twice is two true predictions but one pair found.
  return {
    ...withF1(
      predicted.length > 0 ? truePredictions / predicted.length : 0,
      goldKinds.size > 0 ? found.size / goldKinds.size : 0,
    ),
    predicted: predicted.length,
    found: found.size,
    gold: goldKinds.size,
    kindRight,
    falseAlarms: flaggedNear.size,
    nearMisses: nearKeys.size,
    unannotated,
  };
}
