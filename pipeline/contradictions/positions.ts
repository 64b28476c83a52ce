import type { ContradictionKind } from '../../schemas/contradiction.ts';
import { sourceName } from './attribution.ts';
import { dateRange } from './date-range.ts';
import type { ClaimFeatures } from './features.ts';
import { phraseTokens } from '../text/words.ts';

/**
 * The sides a claim can take, one per kind of disagreement; `statement` is the side a model judge
 * compares (two claims stating the same English sentence are not worth a question).
 */
export type PositionKind = Exclude<ContradictionKind, 'other'> | 'statement';
export const RULE_KINDS = ['numeric', 'date', 'polarity', 'modality', 'attribution'] as const;

/** Claims at one position on one kind, the representative first. */
export type Position = { members: ClaimFeatures[] };

/**
 * A claim's figures, each with what it counts; beside other figures, a bare number ("report 5")
 * is compared with nothing, so it does not make a position of its own.
 */
function quantityKey(features: ClaimFeatures): string {
  const { quantities } = features;
  const counted = quantities.length > 1 ? quantities.filter((q) => q.unit || q.noun) : quantities;
  return [
    ...new Set(
      counted.map(
        (q) =>
          `${q.unit ?? (q.noun ? `~${q.noun}` : '?')}=${q.value}${q.qualifier === 'exact' ? '' : `/${q.qualifier}`}`,
      ),
    ),
  ]
    .sort()
    .join(';');
}

/**
 * Where a claim stands on one kind, or null when it takes no side there (no figure, no date, no
 * named source). Two claims at one position cannot disagree on that kind by the rule's own
 * terms, so only one claim per position needs comparing.
 */
export function positionOf(features: ClaimFeatures, kind: PositionKind): string | null {
  switch (kind) {
    case 'numeric':
      return features.quantities.length > 0 ? quantityKey(features) : null;
    case 'date': {
      const range = dateRange(features.claim);
      return range ? range.join('/') : null;
    }
    case 'polarity': {
      const stances = [...features.stances]
        .map(([concept, stance]) => `${concept}${stance.sign > 0 ? '+' : '-'}`)
        .sort()
        .join(',');
      return `${features.modality}|${features.negated ? 'negated' : 'affirmed'}|${stances}`;
    }
    case 'modality':
      return features.modality;
    case 'attribution': {
      const name = sourceName(features);
      return name ? `${features.language}|${[...name].sort().join(' ')}` : null;
    }
    case 'statement':
      return phraseTokens(features.claim.statement_en).join(' ');
  }
}

/** The earliest published claim, then the smallest id: the same representative on every run. */
export function representativeOrder(x: ClaimFeatures, y: ClaimFeatures): number {
  const px = x.claim.published ?? '\uffff';
  const py = y.claim.published ?? '\uffff';
  if (px !== py) return px < py ? -1 : 1;
  return x.claim.claim_id < y.claim.claim_id ? -1 : x.claim.claim_id > y.claim.claim_id ? 1 : 0;
}

/**
 * The claims of a block grouped by their position (`position` gives it, null for none), the `cap`
 * best supported positions first: how many claims stand behind a side is what a reviewer
 * weighs, and the cap keeps a block's comparisons bounded whatever its size.
 */
export function positionsOf<K>(
  block: readonly ClaimFeatures[],
  position: (features: ClaimFeatures) => K | null,
  cap: number,
): Position[] {
  const groups = new Map<K, { members: ClaimFeatures[]; first: ClaimFeatures }>();
  for (const features of block) {
    const key = position(features);
    if (key === null) continue;
    const group = groups.get(key);
    if (!group) groups.set(key, { members: [features], first: features });
    else {
      group.members.push(features);
      if (representativeOrder(features, group.first) < 0) group.first = features;
    }
  }
  const best = [...groups.values()]
    .sort((x, y) => y.members.length - x.members.length || representativeOrder(x.first, y.first))
    .slice(0, cap);
  return best.map((group) => ({ members: group.members.sort(representativeOrder) }));
}
