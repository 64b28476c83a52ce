import type { Modality } from '../../schemas/claim.ts';
import type { ClaimRow } from '../../schemas/contradiction.ts';
import { dateRange } from './date-range.ts';
import { asLanguage, HEADS, MODALITY, NUMBERS, POLARITY, type Language, type Phrase } from './lexicon.ts';
import { parseQuantities, type Quantity } from './numbers.ts';
import { mentionsIn, placesIn, subjectOf, withoutLeadingAdverbial, type Subject } from './subjects.ts';
import { englishBaseForm } from '../text/stem.ts';
import { phraseAt, phraseTokens } from '../text/words.ts';
import { nameStem } from './text.ts';

/** +1 when the claim asserts the positive side of a concept (allowed, fixed, safe…), -1 the negative. */
export type Stances = Map<string, { sign: 1 | -1; word: string }>;

/** What the rules compare, computed once per claim. */
export type ClaimFeatures = {
  claim: ClaimRow;
  language: Language;
  head: string | null;
  actorKeys: Set<string>;
  /** content words of the English statement beyond the actor: what the claim is about */
  objectKeys: Set<string>;
  content: Set<string>;
  quantities: Quantity[];
  stances: Stances;
  negated: boolean;
  modality: Modality;
  /** capitalised words of the English statement past its first word, cut to a stem: who and where */
  names: Set<string>;
  /** numbers in the actor ("district 5", "Bezirk 12"): numbered units that differ are different subjects */
  actorNumbers: Set<string>;
  /** the core of the English actor phrase, for telling "oil prices" from "consumer prices" */
  subject: Subject;
  /** places the claim is put in ("in the Netherlands"), from its quote and its English statement */
  places: Set<string>;
  /** every place and name the claim mentions, to see whether it names the other side's place too */
  mentions: { ids: Set<string>; lower: string };
  /** the claim's own date range, or else its article's main month: when the figure holds */
  period: [string, string] | null;
};

export function namesIn(statement: string): Set<string> {
  const words = statement.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const isName = (word: string | undefined) =>
    word !== undefined &&
    /^\p{Lu}/u.test(word) &&
    !HEADS.fillers.has(word.toLowerCase()) &&
    !NUMBERS.months.has(word.toLowerCase());
  // The first word is capitalised anyway; it is a name when the next one is too ("Korvon Telecom fixed").
  return new Set(words.filter((word, index) => isName(word) && (index > 0 || isName(words[1]))).map(nameStem));
}

const NEGATION_WINDOW_BEFORE = 4;
// Dutch and German often close the clause with the negation: "erlaubt Zoom für Beamte nicht".
const NEGATION_WINDOW_AFTER = 6;

function negationNear(
  words: readonly string[],
  start: number,
  length: number,
  language: Language,
  idiom: ReadonlySet<number>,
): string | null {
  return wordNear(words, start, length, language, POLARITY.negations[language], false, idiom);
}

/**
 * Word positions inside comparative idioms ("so stark gestiegen wie nie zuvor", "higher than
 * ever", "als nooit tevoren"): their negation word denies nothing, it says "more than before".
 */
export function idiomPositions(words: readonly string[], language: Language): Set<number> {
  const masked = new Set<number>();
  for (const idiom of POLARITY.idioms[language]) {
    for (const start of phraseAt(words, idiom))
      for (let offset = 0; offset < idiom.length; offset += 1) masked.add(start + offset);
  }
  return masked;
}

/**
 * The first of the given words near a phrase (before it in English, on both sides in Dutch and German), skipping `skip`
 * positions.
 */
function wordNear(
  words: readonly string[],
  start: number,
  length: number,
  language: Language,
  negations: ReadonlySet<string>,
  bothSides = false,
  skip: ReadonlySet<number> = new Set(),
): string | null {
  const from = Math.max(0, start - NEGATION_WINDOW_BEFORE);
  // Dutch and German put the negation after the finite verb ("verbiedt het niet"); English before.
  const to = language === 'en' && !bothSides ? start : Math.min(words.length, start + length + NEGATION_WINDOW_AFTER);
  for (let index = from; index < to; index += 1) {
    if ((index >= start && index < start + length) || skip.has(index)) continue;
    const word = words[index]!;
    if (negations.has(word) || (negations === POLARITY.negations.en && word.endsWith("n't"))) return word;
  }
  return null;
}

/** Concepts the text takes a side on, with negation flipping the side ("geen toegang" is no access). */
export function stancesIn(text: string, language: Language): Stances {
  const words = phraseTokens(text);
  const idiom = idiomPositions(words, language);
  const stances: Stances = new Map();
  for (const concept of POLARITY.concepts) {
    const signs = new Set<1 | -1>();
    let word = '';
    let limited = false;
    const look = (phrases: Phrase[], sign: 1 | -1) => {
      for (const phrase of phrases) {
        for (const start of phraseAt(words, phrase)) {
          if (wordNear(words, start, phrase.length, language, POLARITY.limiters[language], true)) {
            limited = true;
            continue;
          }
          const negation = negationNear(words, start, phrase.length, language, idiom);
          signs.add(negation ? (-sign as 1 | -1) : sign);
          word ||= negation ? `${negation} … ${phrase.join(' ')}` : phrase.join(' ');
        }
      }
    };
    look(concept.positive[language], 1);
    look(concept.negative[language], -1);
    // A text on both sides of one concept ("the ban was lifted") says nothing we can compare.
    if (signs.size === 1 && !limited) stances.set(concept.concept, { sign: [...signs][0]!, word });
  }
  return stances;
}

/** The modality a text's own words mark, or null when it reads as a plain statement. */
export function modalityIn(text: string, language: Language): Modality | null {
  const words = phraseTokens(text);
  for (const modality of ['advised', 'demanded', 'planned', 'possible'] as const) {
    if (MODALITY.markers[modality][language].some((phrase) => phraseAt(words, phrase).length > 0)) return modality;
  }
  return null;
}

export function lemma(token: string): string | null {
  const irregular = HEADS.irregular.get(token);
  if (irregular) return irregular;
  if (HEADS.verbs.has(token)) return token;
  const stemmed = englishBaseForm(token);
  if (HEADS.verbs.has(stemmed)) return stemmed;
  if (token.endsWith('ed') && HEADS.verbs.has(token.slice(0, -1))) return token.slice(0, -1);
  if (token.endsWith('es') && HEADS.verbs.has(token.slice(0, -2))) return token.slice(0, -2);
  return null;
}

const AUXILIARIES = new Map([
  ['has', 'have'],
  ['have', 'have'],
  ['had', 'have'],
  ['is', 'be'],
  ['are', 'be'],
  ['was', 'be'],
  ['were', 'be'],
]);

export const CONCEPT_HEADS = new Set(POLARITY.concepts.map((concept) => concept.concept));

const conceptOfWord = new Map<string, string>(
  POLARITY.concepts.flatMap((concept) =>
    [...concept.positive.en, ...concept.negative.en]
      .filter((phrase) => phrase.length === 1)
      .map((phrase) => [phrase[0]!, concept.concept] as const),
  ),
);

/**
 * The action head of an English statement and the actor words before it. Antonyms share a head
 * ("banned" and "allowed" are both about permission), so a reversal still meets its pair.
 */
export function headAndActor(statement: string): { head: string | null; actor: string[] } {
  const words = phraseTokens(statement);
  // Capitalised words are names, never the verb: "The Ever Given was freed" is not about giving.
  const capitalised = new Set(
    (statement.match(/\p{L}[\p{L}'’-]*/gu) ?? [])
      .slice(1)
      .filter((word) => /^\p{Lu}/u.test(word))
      .map((word) => word.toLowerCase()),
  );
  let auxiliary: { head: string; index: number } | null = null;
  for (let index = 1; index < words.length; index += 1) {
    const word = words[index]!;
    const head = capitalised.has(word) ? null : (conceptOfWord.get(word) ?? lemma(word));
    if (head && !HEADS.fillers.has(word)) return { head, actor: words.slice(0, auxiliary?.index ?? index) };
    auxiliary ??= AUXILIARIES.has(word) ? { head: AUXILIARIES.get(word)!, index } : null;
  }
  // "Zoom has 300 million users": no news verb, so the auxiliary is the head.
  return auxiliary
    ? { head: auxiliary.head, actor: words.slice(0, auxiliary.index) }
    : { head: null, actor: words.slice(0, 3) };
}

/** Words that say what a claim is about; dates are left out, so two datings of one event read alike. */
const contentWords = (words: readonly string[]) =>
  words
    .filter(
      (word) =>
        /\p{L}/u.test(word) &&
        !/\d/.test(word) &&
        word.length > 1 &&
        !HEADS.fillers.has(word) &&
        !NUMBERS.months.has(word) &&
        !POLARITY.negations.en.has(word),
    )
    .map(englishBaseForm);

/** Numbers that label the actor ("district 5", "Bezirk 12"), not figures about it ("200 million users"). */
const labelNumbers = (actor: string) =>
  new Set([...actor.matchAll(/\p{L}\s+(\d+)(?![\s.,]*[\p{L}\d])/gu)].map((match) => match[1]!));

export function claimFeatures(
  claim: ClaimRow,
  context: { articlePeriod?: [string, string] | null } = {},
): ClaimFeatures {
  const language = asLanguage(claim.language);
  const { head, actor } = headAndActor(claim.statement_en);
  const nativeQuantities = parseQuantities(claim.quote, language);
  const native = `${claim.actor} ${claim.action}`;
  const stances = stancesIn(native, language);
  for (const [concept, stance] of stancesIn(claim.statement_en, 'en'))
    if (!stances.has(concept)) stances.set(concept, stance);
  // The extractor's polarity, not negation words: "keine neuen Funktionen" is a promise, not a denial.
  const negated = claim.polarity === 'negated';
  // The English statement is read first: marker words differ by language ("wird" is also a passive),
  // so two translations of one claim are read the same way.
  const modality =
    claim.modality !== 'fact'
      ? claim.modality
      : (modalityIn(claim.statement_en, 'en') ??
        (language === 'en' ? null : modalityIn(claim.action, language)) ??
        'fact');
  const actorKeys = new Set([...contentWords(actor), ...contentWords(phraseTokens(claim.actor))]);
  const content = new Set(contentWords(phraseTokens(claim.statement_en)));
  return {
    claim,
    language,
    head,
    actorKeys,
    objectKeys: new Set([...content].filter((word) => !actorKeys.has(word) && word !== head)),
    content,
    quantities: nativeQuantities.length > 0 ? nativeQuantities : parseQuantities(claim.statement_en, 'en'),
    stances,
    negated,
    modality,
    names: namesIn(claim.statement_en),
    actorNumbers: labelNumbers(claim.actor),
    subject: subjectOf(headAndActor(withoutLeadingAdverbial(claim.statement_en)).actor.join(' ')),
    places: new Set([...placesIn(claim.quote, language), ...placesIn(claim.statement_en, 'en')]),
    mentions: mentionsIn([claim.quote, claim.statement_en, claim.actor, claim.source ?? ''].join(' ')),
    period: dateRange(claim) ?? context.articlePeriod ?? null,
  };
}
