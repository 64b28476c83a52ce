import type { CandidatePair } from './candidates.ts';
import type { ClaimFeatures } from './features.ts';
import type { Finding } from './finding.ts';
import { NUMBERS } from './lexicon.ts';
import { subjectsMatch } from './subjects.ts';
import { QUOTE_BAR, readAsTranslation, translationKey } from './translations.ts';
import { phraseTokens } from '../text/words.ts';

/** What the strict checks know beyond the pair: which article pairs read as translations. */
export type StrictContext = { translations?: ReadonlySet<string> };

/**
 * Heads that announce an action rather than name it: "promised to freeze", "kündigte an",
 * "will ban". A modality finding between such a head and the action itself is about one action.
 */
const PLAN_HEADS = new Set(['promise', 'pledge', 'announce', 'plan', 'intend', 'vow', 'threaten']);

/** Ban against advice, plan against deed: the same action, or one of them only announcing it. */
const oneAction = (a: ClaimFeatures, b: ClaimFeatures) =>
  (a.head !== null && a.head === b.head) ||
  a.head === 'permission' ||
  b.head === 'permission' ||
  PLAN_HEADS.has(a.head ?? '') ||
  PLAN_HEADS.has(b.head ?? '');

/**
 * Who speaks in a claim: its source, or the article itself. A "source" that starts with a figure
 * ("2.000 Beschäftigte") is what the rules took for one out of the sentence, not a voice.
 */
const voiceOf = (features: ClaimFeatures) => {
  const source = features.claim.source?.trim() ?? '';
  return source === '' || /^\d/.test(source) ? '' : phraseTokens(source).join(' ');
};

/** Each claim names people or places the other mostly does not: two stories, whatever their words share. */
function namesApart(a: ClaimFeatures, b: ClaimFeatures): boolean {
  const [x, y] = [a.names, b.names];
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (small.size < 2) return false;
  const shared = [...small].filter((name) => large.has(name)).length;
  return shared / small.size <= 0.5;
}

/**
 * Each claim names something the other never mentions, not even in its quote ("repairs of
 * VoltPoint" against "repairs of TransitPay", both in Hamburg): two subjects, whatever dedup joined.
 */
function namesClash(a: ClaimFeatures, b: ClaimFeatures): boolean {
  // German capitalises every noun: names are read only from statements in English.
  const inEnglish = (side: ClaimFeatures) => side.language === 'en' || side.claim.statement_en !== side.claim.quote;
  if (!inEnglish(a) || !inEnglish(b)) return false;
  const own = (names: ReadonlySet<string>, other: ReadonlySet<string>, otherSide: ClaimFeatures) =>
    [...names].some((name) => !other.has(name) && !otherSide.mentions.lower.includes(name));
  return own(a.names, b.names, b) && own(b.names, a.names, a);
}

/**
 * A date written without a figure or a month ("yesterday", "gisteren", "am Dienstag"): it resolves against its
 * article's day.
 */
const relativeDate = (text: string | null) =>
  text !== null && !/\d/.test(text) && !phraseTokens(text).some((word) => NUMBERS.months.has(word));

/** What a claim's figures count: their units, or else the word after them (which only matches within one language). */
const measuresOf = (features: ClaimFeatures) =>
  new Set(
    features.quantities
      .map((quantity) => (quantity.unit ? `unit:${quantity.unit}` : quantity.noun ? `noun:${quantity.noun}` : null))
      .filter((key): key is string => key !== null),
  );

/**
 * Why a rule's finding is held out of the report, or null when it passes the strict checks.
 * A held finding stays queryable (v_contradiction_candidates) and a judge may still confirm it;
 * each reason below stands for a false alarm measured on real news or translations:
 * translations read by each language's own words, one article's one voice, two stories that
 * share a verb, figures that measure different things.
 */
export function heldReason(pair: CandidatePair, finding: Finding, context: StrictContext = {}): string | null {
  const { a, b } = pair;
  const crossLanguage = a.language !== b.language;
  if (crossLanguage && context.translations?.has(translationKey(a.claim.article_id, b.claim.article_id)))
    return 'the two articles read as translations of one text';
  if (
    crossLanguage &&
    readAsTranslation(
      { language: a.language, text: a.claim.quote },
      { language: b.language, text: b.claim.quote },
      QUOTE_BAR,
    )
  ) {
    return 'the two quotes read as translations of each other';
  }
  if (a.claim.article_id === b.claim.article_id && voiceOf(a) === voiceOf(b)) return 'one article in one voice';
  if (namesApart(a, b) || namesClash(a, b)) return 'the claims name different people or places';
  switch (finding.kind) {
    case 'modality': {
      const modalities = new Set([a.modality, b.modality]);
      // Each language marks plans and possibility with its own words ("wird" is also a passive);
      // only a ban against an advice survives translation reliably.
      if (crossLanguage && !(modalities.has('advised') && modalities.has('fact')))
        return 'modalities other than advice against fact, read across languages';
      if (!oneAction(a, b)) return 'the claims are about different actions';
      return null;
    }
    case 'date':
      if (a.head !== null && b.head !== null && a.head !== b.head) return 'the dates belong to different actions';
      if (relativeDate(a.claim.date) && relativeDate(b.claim.date) && a.claim.published !== b.claim.published)
        return 'both dates are relative to different publication days';
      return null;
    case 'polarity':
      return subjectsMatch(a.subject, b.subject) ? null : 'the claims have different subjects';
    case 'numeric': {
      // "29 % want a republic soon" against "31 % want one never": a figure of a denial answers another question.
      if (a.negated !== b.negated) return 'one figure is of a denial, the other of an assertion';
      const measuresB = measuresOf(b);
      return [...measuresOf(a)].some((measure) => measuresB.has(measure))
        ? null
        : 'the figures share no unit, so may count different things';
    }
    default:
      return null;
  }
}
