import { datesCompatible } from './dates.ts';
import type { ClaimFeatures } from './features.ts';
import { cosine, dot, type SparseVector } from './vectors.ts';

export type Comparable = { features: ClaimFeatures; vector: SparseVector; grams: SparseVector; embedding: Float32Array | null };

/** Two claims at or above this score answer the same question about the same event. */
export const SAME_EVENT = 0.55;

const WEIGHT = { object: 0.6, verb: 0.2, actor: 0.2 };
/** Below this the claims are about different things, whoever did it and whatever the verb. */
const MIN_OBJECT = 0.15;
/** Embedding cosines of unrelated news sentences sit near 0.2, of paraphrases above 0.8. */
const EMBEDDING_FLOOR = 0.4;
const EMBEDDING_CEILING = 0.85;

const intersects = (a: readonly string[], b: readonly string[]) => a.some((item) => b.includes(item));

/** Share of the shorter actor's words the other has, as written or by stem. */
function actorWordOverlap(a: ClaimFeatures, b: ClaimFeatures): number {
  if (a.actorWords.length === 0 || b.actorWords.length === 0) return 0;
  const [short, long] = a.actorWords.length <= b.actorWords.length ? [a, b] : [b, a];
  let shared = 0;
  for (const word of short.actorWords) if (long.actorWords.includes(word) || long.actorStems.includes(word)) shared += 1;
  if (shared < short.actorWords.length) {
    let sharedStems = 0;
    for (const item of short.actorStems) if (long.actorStems.includes(item)) sharedStems += 1;
    shared = Math.max(shared, Math.min(short.actorWords.length, sharedStems));
  }
  return shared / short.actorWords.length;
}

/** 1 for the same actor, 0 for different named actors, null when there is nothing to compare. */
export function actorAgreement(a: ClaimFeatures, b: ClaimFeatures): number | null {
  if (a.named.length && b.named.length) return intersects(a.named, b.named) ? 1 : 0;
  const words = actorWordOverlap(a, b);
  if (a.roles.length && b.roles.length) return Math.max(words, intersects(a.roles, b.roles) ? 0.7 : 0.2);
  if (a.actorWords.length && b.actorWords.length) return words > 0 ? words : null;
  return null;
}

/** The same canonical verb, the same frame (ban / advise against), or nothing known. */
export function verbAgreement(a: ClaimFeatures, b: ClaimFeatures): number {
  if (!a.frame || !b.frame) return 0.4;
  if (a.verb === b.verb) return 1;
  if (a.frame === b.frame) return 0.75;
  return a.frame === 'speech' || b.frame === 'speech' || a.frame === 'have' || b.frame === 'have' ? 0.4 : 0;
}

/**
 * Trigram cosines of unrelated objects stay low (shared endings, "tion"), cognates and
 * compounds across languages score in between: only the part above the floor counts.
 */
const GRAM_FLOOR = 0.2;

export function objectAgreement(a: Comparable, b: Comparable): number {
  const gramScore = Math.max(0, (cosine(a.grams, b.grams) - GRAM_FLOOR) / (1 - GRAM_FLOOR));
  let object = Math.max(cosine(a.vector, b.vector), gramScore);
  const namesA = a.features.names;
  const namesB = b.features.names;
  if (namesA.length && namesB.length && !intersects(namesA, namesB)) object *= 0.2;
  if (a.embedding && b.embedding) {
    const scaled = (dot(a.embedding, b.embedding) - EMBEDDING_FLOOR) / (EMBEDDING_CEILING - EMBEDDING_FLOOR);
    object = 0.5 * object + 0.5 * Math.min(1, Math.max(0, scaled));
  }
  return object;
}

/**
 * How surely two claims answer the same question about the same event, in [0, 1]. Polarity,
 * modality and numbers are not inputs: claims that disagree on them belong together.
 */
export function pairScore(a: Comparable, b: Comparable): number {
  if (!datesCompatible(a.features.interval, b.features.interval)) return 0;
  const actor = actorAgreement(a.features, b.features);
  if (actor === 0) return 0;
  const object = objectAgreement(a, b);
  if (object < MIN_OBJECT) return 0;
  return WEIGHT.object * object + WEIGHT.verb * verbAgreement(a.features, b.features) + WEIGHT.actor * (actor ?? 0.5);
}
