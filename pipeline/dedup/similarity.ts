import { datesCompatible } from './dates.ts';
import type { ClaimFeatures } from './features.ts';
import { actorsClash, finalsOf, identitiesShare, labelsClash, numbersOf, placement, type Context } from './identity.ts';
import { embeddingCosine, hasEmbedding, type EmbeddingStore } from './embeddings.ts';
import { cosine, type SparseRows } from './vectors.ts';

/** What every claim's vectors are rows of: one set of flat arrays for all claims. */
export type ClaimSpace = {
  words: SparseRows;
  grams: SparseRows;
  embeddings: EmbeddingStore | null;
};

export type Comparable = {
  features: ClaimFeatures;
  /** The claim's row in the space's word and trigram vectors, and in its embeddings. */
  row: number;
  embeddingRow: number;
  space: ClaimSpace;
  articleId: string;
  article: Context;
};

/** Two claims at or above this score answer the same question about the same event. */
export const SAME_EVENT = 0.55;

const WEIGHT = { object: 0.6, verb: 0.2, actor: 0.2 };
/** A shared cause counts for less than a shared object: one cause has many effects. */
const REASON_SHARE = 0.7;
/** Below this the claims are about different things, whoever did it and whatever the verb. */
const MIN_OBJECT = 0.15;
/**
 * multilingual-e5 puts every news sentence close: on the corpus gold, claims of different
 * clusters reach 0.86 at the 90th percentile, the same claim sits at 0.96 at the median. Only
 * the part above the floor counts, and half the object score stays lexical.
 */
const EMBEDDING_FLOOR = 0.91;
const EMBEDDING_CEILING = 0.97;
const EMBEDDING_WEIGHT = 0.5;

/** Actors that share a name or label number (stadsdeel 3, district 3) are one actor, however glossed. */
const SAME_IDENTITY = 0.9;
/** Two vague actors ("the money", "het geld") whose contexts agree: as sure as a shared role. */
const PLACED_VAGUE = 0.7;
/** How much of the missing object agreement one shared precise figure makes up. */
const FIGURE_BONUS = 0.35;

/**
 * A vague actor without a word of its own ("they", "es") in a short claim: who it is can only
 * come from context. A long claim says enough by itself ("This confirms that some dinosaurs had
 * feathers, ... such as colour and three-dimensional arrangement").
 */
const SPECIFIC_WORDS = 5;
const isBare = (features: ClaimFeatures) =>
  features.vague && features.actorWords.length === 0 && features.contentWords.length < SPECIFIC_WORDS;

const intersects = (a: readonly string[], b: readonly string[]) => a.some((item) => b.includes(item));

/** Share of the shorter actor's words the other has, as written or by stem. */
function actorWordOverlap(a: ClaimFeatures, b: ClaimFeatures): number {
  if (a.actorWords.length === 0 || b.actorWords.length === 0) return 0;
  const [short, long] = a.actorWords.length <= b.actorWords.length ? [a, b] : [b, a];
  let shared = 0;
  for (const word of short.actorWords)
    if (long.actorWords.includes(word) || long.actorStems.includes(word)) shared += 1;
  if (shared < short.actorWords.length) {
    let sharedStems = 0;
    for (const item of short.actorStems) if (long.actorStems.includes(item)) sharedStems += 1;
    shared = Math.max(shared, Math.min(short.actorWords.length, sharedStems));
  }
  return shared / short.actorWords.length;
}

/** 1 for the same actor, 0 for different named actors, null when there is nothing to compare. */
export function actorAgreement(a: ClaimFeatures, b: ClaimFeatures): number | null {
  // The mayor of Utrecht is not the mayor of Leiden, nor line 3 line 5, whatever else they share.
  // By every key, by names alone (one entity, two people: "US President Trump", "US Secretary
  // Pompeo") and by numbers alone (one city, two districts).
  for (const [x, y] of [
    [a.actorKeys, b.actorKeys],
    [a.subjectKeys, b.subjectKeys],
  ] as const) {
    if (!x.length || !y.length) continue;
    if (actorsClash(a, x, b, y)) return 0;
    // A single key is already compared whole.
    if (
      x.length > 1 &&
      y.length > 1 &&
      (actorsClash(a, finalsOf(x), b, finalsOf(y)) || actorsClash(a, numbersOf(x), b, numbersOf(y)))
    )
      return 0;
  }
  if (a.named.length && b.named.length) return intersects(a.named, b.named) ? 1 : 0;
  const words = actorWordOverlap(a, b);
  // One name or number for both (stadsdeel 3, district 3): one actor, whatever the gloss calls it.
  const identified =
    identitiesShare(a.actorKeys, b.actorKeys) || identitiesShare(a.subjectKeys, b.subjectKeys) ? SAME_IDENTITY : 0;
  if (a.roles.length && b.roles.length) return Math.max(words, identified, intersects(a.roles, b.roles) ? 0.7 : 0.2);
  if (identified) return Math.max(words, identified);
  if (a.actorWords.length && b.actorWords.length) return words > 0 ? words : null;
  return null;
}

/**
 * Frames that say little of the event against another verb: "said", "has", and "use" (told
 * staff not to use Zoom is a restriction); the same verb on both sides still agrees.
 */
const LOOSE_FRAMES: ReadonlySet<string> = new Set(['speech', 'have', 'use']);

/** The same canonical verb, the same frame (ban / advise against), or nothing known. */
export function verbAgreement(a: ClaimFeatures, b: ClaimFeatures): number {
  if (!a.frame || !b.frame) return 0.4;
  if (a.verb === b.verb) return 1;
  if (a.frame === b.frame) return 0.75;
  return LOOSE_FRAMES.has(a.frame) || LOOSE_FRAMES.has(b.frame) ? 0.4 : 0;
}

/**
 * Trigram cosines of unrelated objects stay low (shared endings, "tion"), cognates and
 * compounds across languages score in between: only the part above the floor counts.
 */
const GRAM_FLOOR = 0.2;

export function objectAgreement(a: Comparable, b: Comparable): number {
  const { space } = a;
  const gramScore = Math.max(0, (cosine(space.grams, a.row, b.row) - GRAM_FLOOR) / (1 - GRAM_FLOOR));
  let object = Math.max(cosine(space.words, a.row, b.row), gramScore);
  const namesA = a.features.names;
  const namesB = b.features.names;
  // A name one claim gives its actor ("the container ship Ever Given") the other may name in
  // its object ("the Ever Given ran aground"): names are apart when neither claim says the other's.
  const namesApart =
    namesA.length > 0 &&
    namesB.length > 0 &&
    !intersects(namesA, b.features.contentWords) &&
    !intersects(namesB, a.features.contentWords);
  // One precise figure in two reports (7,5 and 7.5 percent) points to one fact, however glossed;
  // within one article it is only the article's topic (802.11n, said in every sentence).
  if (!namesApart && a.articleId !== b.articleId && intersects(a.features.figures, b.features.figures))
    object += FIGURE_BONUS * (1 - object);
  if (hasEmbedding(space.embeddings, a.embeddingRow) && hasEmbedding(space.embeddings, b.embeddingRow)) {
    const similarity = embeddingCosine(space.embeddings, a.embeddingRow, b.embeddingRow);
    const scaled = (similarity - EMBEDDING_FLOOR) / (EMBEDDING_CEILING - EMBEDDING_FLOOR);
    object = (1 - EMBEDDING_WEIGHT) * object + EMBEDDING_WEIGHT * Math.min(1, Math.max(0, scaled));
  }
  // Different names (German against Dutch inflation) are different subjects, however alike the
  // sentences read: a multilingual embedding puts them close, so this comes last.
  return namesApart ? object * 0.2 : object;
}

/** Share of the shorter reason's words the other reason has: two claims that give one cause. */
export function reasonAgreement(a: ClaimFeatures, b: ClaimFeatures): number {
  if (!a.reasonWords.length || !b.reasonWords.length) return 0;
  const [short, long] = a.reasonWords.length <= b.reasonWords.length ? [a, b] : [b, a];
  let shared = 0;
  for (const word of short.reasonWords) if (long.reasonWords.includes(word)) shared += 1;
  return REASON_SHARE * (shared / short.reasonWords.length);
}

/**
 * How surely two claims answer the same question about the same event, in [0, 1]. Polarity,
 * modality and figures never count against a match: claims that disagree on them belong
 * together. Numbers that label (district 3, Article 13) tell things apart.
 */
export function pairScore(a: Comparable, b: Comparable): number {
  if (!datesCompatible(a.features.interval, b.features.interval)) return 0;
  if (labelsClash(a.features.labels, b.features.labels)) return 0;
  // "The money" of one article and of another are one thing only if the articles are about one
  // thing; within one article, "the money" said twice is the same money. Where an article says
  // nothing of who it is about, the rest of the claim decides, but not for a bare pronoun.
  let placed: ReturnType<typeof placement> = 'unknown';
  if ((a.features.vague || b.features.vague) && a.articleId !== b.articleId) {
    placed = placement(a.features.context, a.article, b.features.context, b.article);
    if (placed === 'apart' || (placed === 'unknown' && (isBare(a.features) || isBare(b.features)))) return 0;
  }
  let actor = actorAgreement(a.features, b.features);
  if (actor === 0) return 0;
  // Placed by their articles' context, two vague actors are one as surely as a shared role makes
  // them; two in one article are not (an article rarely tells one fact twice).
  if (a.features.vague && b.features.vague && placed === 'together') actor = Math.max(actor ?? 0, PLACED_VAGUE);
  // A shared cause joins only claims known to be about one actor: fog closes many ports.
  const reason = actor !== null ? reasonAgreement(a.features, b.features) : 0;
  const object = Math.max(objectAgreement(a, b), reason);
  if (object < MIN_OBJECT) return 0;
  return WEIGHT.object * object + WEIGHT.verb * verbAgreement(a.features, b.features) + WEIGHT.actor * (actor ?? 0.5);
}
