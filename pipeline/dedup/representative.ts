import type { DedupClaim, ClaimFeatures } from './features.ts';

/**
 * Each cluster's statement: the member whose object words the other members share most,
 * preferring statements from English articles (written, not glossed). It depends on the members
 * alone, so a cluster that gains no claim keeps its statement.
 */
export function representatives(
  claims: readonly DedupClaim[],
  features: readonly ClaimFeatures[],
  group: Int32Array,
  names: readonly string[],
): Map<string, string> {
  const members = new Map<number, number[]>();
  group.forEach((g, i) => {
    const list = members.get(g);
    if (list) list.push(i);
    else members.set(g, [i]);
  });
  const statements = new Map<string, string>();
  for (const [g, list] of members) {
    const counts = new Map<string, number>();
    for (const i of list) for (const word of features[i]!.contentWords) counts.set(word, (counts.get(word) ?? 0) + 1);
    let best = list[0]!;
    let bestScore = -Infinity;
    for (const i of list) {
      const words = features[i]!.contentWords;
      const shared = words.reduce((sum, word) => sum + (counts.get(word) ?? 1) - 1, 0);
      const score = (claims[i]!.language === 'en' ? 1000 : 0) + shared / Math.sqrt(words.length + 1);
      if (score > bestScore || (score === bestScore && claims[i]!.claim_id < claims[best]!.claim_id)) {
        best = i;
        bestScore = score;
      }
    }
    statements.set(names[g]!, claims[best]!.statement_en);
  }
  return statements;
}
