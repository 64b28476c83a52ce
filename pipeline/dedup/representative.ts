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
  // Members by group in one flat array (a counting sort), not an array per group: a million claims make
  // hundreds of thousands of groups.
  const groups = names.length;
  const start = new Int32Array(groups + 1);
  for (const g of group) start[g + 1]! += 1;
  for (let g = 0; g < groups; g += 1) start[g + 1]! += start[g]!;
  const members = new Int32Array(group.length);
  const filled = start.slice(0, groups);
  group.forEach((g, i) => {
    members[filled[g]!] = i;
    filled[g]! += 1;
  });
  const statements = new Map<string, string>();
  for (let g = 0; g < groups; g += 1) {
    if (start[g] === start[g + 1]) continue;
    const list = members.subarray(start[g]!, start[g + 1]!);
    if (list.length === 1) {
      statements.set(names[g]!, claims[list[0]!]!.statement_en);
      continue;
    }
    const counts = new Map<string, number>();
    for (const i of list) for (const word of features[i]!.contentWords) counts.set(word, (counts.get(word) ?? 0) + 1);
    let best = list[0]!;
    let bestScore = -Infinity;
    for (const i of list) {
      const words = features[i]!.contentWords;
      let shared = 0;
      for (const word of words) shared += (counts.get(word) ?? 1) - 1;
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
