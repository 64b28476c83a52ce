import type { ClaimFeatures } from './features.ts';
import { clampScore, type Finding } from './finding.ts';
import { describeQuantity, overlaps, type Quantity } from './numbers.ts';

/** Which quantities measure the same thing: the same known unit, or the same word in one language. */
function comparableKey(quantity: Quantity, onlyOne: boolean): string | null {
  if (quantity.unit) return `unit:${quantity.unit}`;
  if (onlyOne) return 'single';
  return quantity.noun ? `noun:${quantity.noun}` : null;
}

/**
 * Quantities in the same unit that cannot both be true once rounding and qualifiers ("about",
 * "more than", "zo'n") are allowed for. A claim that also states the other's value agrees.
 */
export function numericRule(a: ClaimFeatures, b: ClaimFeatures): Finding | null {
  const onlyOne =
    a.quantities.length === 1 && b.quantities.length === 1 && !a.quantities[0]!.unit && !b.quantities[0]!.unit;
  const keysA = new Map<string, Quantity[]>();
  for (const quantity of a.quantities) {
    const key = comparableKey(quantity, onlyOne);
    if (key) keysA.set(key, [...(keysA.get(key) ?? []), quantity]);
  }
  let worst: { qa: Quantity; qb: Quantity; gap: number } | null = null;
  const byKeyB = new Map<string, Quantity[]>();
  for (const quantity of b.quantities) {
    const key = comparableKey(quantity, onlyOne);
    if (key && keysA.has(key)) byKeyB.set(key, [...(byKeyB.get(key) ?? []), quantity]);
  }
  for (const [key, listB] of byKeyB) {
    const listA = keysA.get(key)!;
    if (listA.some((qa) => listB.some((qb) => overlaps(qa, qb)))) continue;
    for (const qa of listA) {
      for (const qb of listB) {
        const gap = Math.abs(qa.value - qb.value) / Math.max(qa.value, qb.value, Number.MIN_VALUE);
        if (!worst || gap < worst.gap) worst = { qa, qb, gap };
      }
    }
  }
  if (!worst) return null;
  const bounded = worst.qa.qualifier !== 'exact' || worst.qb.qualifier !== 'exact';
  const percent = Math.round(worst.gap * 100);
  return {
    kind: 'numeric',
    explanation: `A gives ${describeQuantity(worst.qa)} ("${worst.qa.text}"), B gives ${describeQuantity(worst.qb)} ("${worst.qb.text}"): ${percent}% apart, more than rounding${bounded ? ' or the stated approximation' : ''} allows.`,
    score: clampScore((0.55 + Math.min(worst.gap, 0.4)) * (bounded ? 0.85 : 1)),
  };
}
