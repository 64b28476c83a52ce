import type { ArticleText, Contradiction, HeldContradiction } from '../../schemas/contradiction.ts';
import { contentId } from '../hash.ts';
import type { ClaimRow } from '../../schemas/contradiction.ts';
import { attributionRule } from './attribution.ts';
import { candidatePairs, TOPIC_SIMILARITY, type CandidatePair } from './candidates.ts';
import { articlePeriods, dateRule, periodsOverlap } from './date-range.ts';
import { claimFeatures, type ClaimFeatures } from './features.ts';
import type { Finding, HeldFinding } from './finding.ts';
import { modalityRule } from './modality.ts';
import { numericRule } from './numeric.ts';
import { polarityRule } from './polarity.ts';
import type { PositionKind } from './positions.ts';
import { heldReason, type StrictContext } from './strict.ts';
import { translationPairs } from './translations.ts';
import { mentionsPlace } from './subjects.ts';

/**
 * How alike two claims must read before a rule compares them, by rule; claims of one cluster
 * (dedup judged them the same question) need less. Measured on the corpus gold with gold claims
 * as input (`npm run eval`): looser settings mostly add pairs about different events.
 */
const ALIKE = {
  modality: { cluster: 0.2, other: 0.5 },
  date: { cluster: 0, other: 0.7 },
  attribution: { cluster: 0.3, other: 0.35 },
};
/** A polarity field differing is weak evidence: only for claims that read nearly the same. */
const GENERIC_POLARITY_SIMILARITY = 0.6;

const alike = (pair: CandidatePair, rule: keyof typeof ALIKE) =>
  pair.similarity >= (pair.sameCluster ? ALIKE[rule].cluster : ALIKE[rule].other);

export const RULES_JUDGE = 'rules';

/**
 * A ban against an advice to avoid is about one action; "promised a freeze on features" against
 * "offered apologies" is about two, whatever their modalities: the same action head or a shared
 * object word is needed.
 */
const sameAction = (a: ClaimFeatures, b: ClaimFeatures) =>
  (a.head !== null && a.head === b.head) || [...a.objectKeys].some((word) => b.objectKeys.has(word));

/** Places `x` puts its claim in that `y` never names. */
const placeOnlyIn = (x: ClaimFeatures, y: ClaimFeatures) =>
  [...x.places].some((place) => !mentionsPlace(y.mentions, place));
/**
 * One claim puts its figure in a place the other never names ("in the Netherlands" against a euro-area rate): different
 * subjects.
 */
const placesApart = (a: ClaimFeatures, b: ClaimFeatures) => placeOnlyIn(a, b) || placeOnlyIn(b, a);
/**
 * Each claim is put in a place the other never names: two places, so two events (one claim naming none is no clash).
 */
const placesClash = (a: ClaimFeatures, b: ClaimFeatures) => placeOnlyIn(a, b) && placeOnlyIn(b, a);

/**
 * Every kind of disagreement the offline rules find in one pair. Two measurements at different
 * times differ legitimately, so numbers are compared only when the dates may coincide, and the
 * dates of two measurements (a figure's month against the day it was announced) are not compared.
 */
export function ruleFindings(pair: CandidatePair): Finding[] {
  const { a, b, similarity, sameCluster, sameArticle } = pair;
  // A pair let in only because both take sides on one concept is compared on that alone.
  if (!sameCluster && similarity < TOPIC_SIMILARITY)
    return [polarityRule(a, b, { stancesOnly: true })].filter((finding): finding is Finding => finding !== null);
  const measured = a.quantities.length > 0 && b.quantities.length > 0;
  const comparable = periodsOverlap(a.period, b.period) !== false && !placesApart(a, b);
  const findings: (Finding | null)[] = [
    comparable ? numericRule(a, b) : null,
    polarityRule(a, b, { stancesOnly: similarity < GENERIC_POLARITY_SIMILARITY }),
  ];
  // "Banned in Bavaria" against "advised against in Berlin" is two rules, not one rule told two ways.
  if (!sameArticle && !placesClash(a, b)) {
    if (alike(pair, 'modality') && sameAction(a, b)) findings.push(modalityRule(a, b));
    if (!measured && alike(pair, 'date')) findings.push(dateRule(a, b));
  }
  const found = findings.filter((finding): finding is Finding => finding !== null);
  // Who said it matters when the claims otherwise agree; beside another disagreement it is noise.
  // The same statement needs the figures both give to agree, at a time both may be true, to be one statement credited
  // twice.
  const attribution =
    !sameArticle &&
    found.length === 0 &&
    alike(pair, 'attribution') &&
    figuresAgree(a, b) &&
    periodsOverlap(a.period, b.period) !== false
      ? attributionRule(a, b)
      : null;
  return attribution ? [attribution] : found;
}

const figuresOf = (features: ClaimFeatures) =>
  [...new Set(features.quantities.map((quantity) => quantity.value))].sort((x, y) => x - y).join(' ');
const figuresAgree = (a: ClaimFeatures, b: ClaimFeatures) =>
  a.quantities.length === 0 || b.quantities.length === 0 || figuresOf(a) === figuresOf(b);

export const contradictionId = (claimA: string, claimB: string, kind: string) =>
  contentId('contradiction', claimA, claimB, kind);

/**
 * The rules' findings of the kinds this pair stands for (two positions per kind, compared once),
 * each with why the strict checks hold it out of the report, if they do.
 */
export const pairFindings = (pair: CandidatePair, context: StrictContext = {}): HeldFinding[] =>
  ruleFindings(pair)
    .filter((finding) => pair.support.has(finding.kind as PositionKind))
    .map((finding) => ({ ...finding, held: heldReason(pair, finding, context) }));

const claims = (n: number) => `${n} claim${n === 1 ? '' : 's'}`;

export function toContradiction(pair: CandidatePair, finding: Finding, judge: string): Contradiction {
  const [supportA, supportB] = pair.support.get(finding.kind as PositionKind) ?? [1, 1];
  const backing =
    supportA > 1 || supportB > 1 ? ` A's side is stated by ${claims(supportA)}, B's by ${claims(supportB)}.` : '';
  return {
    contradiction_id: contradictionId(pair.a.claim.claim_id, pair.b.claim.claim_id, finding.kind),
    kind: finding.kind,
    claim_a: pair.a.claim.claim_id,
    claim_b: pair.b.claim.claim_id,
    explanation: `${finding.explanation}${backing}`,
    score: finding.score,
    judge,
    support_a: supportA,
    support_b: supportB,
  };
}

/** The candidate pairs of a set of claims, with their features computed once. */
export function pairsOf(claims: readonly ClaimRow[], options: { judging?: boolean } = {}): CandidatePair[] {
  const periods = articlePeriods(claims);
  return candidatePairs(
    claims.map((claim) => claimFeatures(claim, { articlePeriod: periods.get(claim.article_id) ?? null })),
    options,
  );
}

const crossLanguage = (pairs: readonly CandidatePair[]) => pairs.filter((pair) => pair.a.language !== pair.b.language);

/** The article ids whose texts the translation check needs: those joined by a cross-language pair. */
export const articlesToRead = (pairs: readonly CandidatePair[]) => [
  ...new Set(crossLanguage(pairs).flatMap((pair) => [pair.a.claim.article_id, pair.b.claim.article_id])),
];

/** The article pairs, among those the candidate pairs join across languages, that read as translations. */
export const translationsAmong = (pairs: readonly CandidatePair[], articles: readonly ArticleText[]): Set<string> =>
  translationPairs(
    articles,
    crossLanguage(pairs).map((pair) => [pair.a.claim.article_id, pair.b.claim.article_id] as const),
  );

/** Findings as stored: a shown one in the contradictions table, a held one among the candidates with its reason. */
export function storedFindings(
  pair: CandidatePair,
  findings: readonly (HeldFinding & { judge?: string })[],
  into: { shown: Contradiction[]; held: HeldContradiction[] },
): void {
  for (const finding of findings) {
    const contradiction = toContradiction(pair, finding, finding.judge ?? RULES_JUDGE);
    if (finding.held === null) into.shown.push(contradiction);
    else into.held.push({ ...contradiction, held: finding.held });
  }
}

/** The offline findings among claims, shown and held apart: pure, deterministic, in a stable order. */
export function detectFindings(
  claims: readonly ClaimRow[],
  articles: readonly ArticleText[] = [],
): { shown: Contradiction[]; held: HeldContradiction[] } {
  const pairs = pairsOf(claims);
  const translations = translationsAmong(pairs, articles);
  const found = { shown: [] as Contradiction[], held: [] as HeldContradiction[] };
  for (const pair of pairs) storedFindings(pair, pairFindings(pair, { translations }), found);
  return found;
}

/** The offline contradictions a report shows: those that pass the strict checks. */
export const detectContradictions = (
  claims: readonly ClaimRow[],
  articles: readonly ArticleText[] = [],
): Contradiction[] => detectFindings(claims, articles).shown;
