import { contentId } from '../hash.ts';
import { lexiconText, readLexicon } from '../lexicons/index.ts';
import type { z } from 'zod';
import {
  AttributionLexicon,
  HeadsLexicon,
  ModalityLexicon,
  NumbersLexicon,
  type PerLanguage,
  PolarityLexicon,
  ScopeLexicon,
} from '../../schemas/contradiction-lexicon.ts';
import { SupportedLanguage } from '../../schemas/article.ts';
import { phraseTokens, WILDCARD } from '../text/words.ts';

export type Language = SupportedLanguage;
export const LANGUAGES = SupportedLanguage.options;

/** A phrase as the tokens `phraseTokens()` would give for it, so lexicon and text match the same way. */
export type Phrase = string[];
const phrases = (words: readonly string[]): Phrase[] => words.map(phraseTokens).filter((phrase) => phrase.length > 0);
const perLanguage = (table: z.infer<typeof PerLanguage>) =>
  Object.fromEntries(LANGUAGES.map((language) => [language, phrases(table[language])])) as Record<Language, Phrase[]>;
/** Like a phrase, but a "*" stays a token of its own: a gap of exactly one word. */
const patterns = (table: z.infer<typeof PerLanguage>) =>
  Object.fromEntries(
    LANGUAGES.map((language) => [
      language,
      table[language].map((pattern) =>
        pattern.split(/\s+/).flatMap((part) => (part === WILDCARD ? [WILDCARD] : phraseTokens(part))),
      ),
    ]),
  ) as Record<Language, Phrase[]>;
const wordSets = (table: z.infer<typeof PerLanguage>) =>
  Object.fromEntries(
    LANGUAGES.map((language) => [language, new Set(table[language].map((word) => word.toLowerCase()))]),
  ) as Record<Language, Set<string>>;

// In this order in the fingerprint, which stored contradictions are keyed on.
const files = {
  numbers: readLexicon('contradictions/numbers.json', NumbersLexicon),
  polarity: readLexicon('contradictions/polarity.json', PolarityLexicon),
  modality: readLexicon('contradictions/modality.json', ModalityLexicon),
  heads: readLexicon('contradictions/heads.json', HeadsLexicon),
  attribution: readLexicon('contradictions/attribution.json', AttributionLexicon),
  scope: readLexicon('contradictions/scope.json', ScopeLexicon),
};
const { numbers, polarity, modality, heads, attribution, scope } = {
  numbers: files.numbers.data,
  polarity: files.polarity.data,
  modality: files.modality.data,
  heads: files.heads.data,
  attribution: files.attribution.data,
  scope: files.scope.data,
};

/**
 * Changes whenever the rules' data changes, so that stored contradictions are found again.
 * Bump RULES_VERSION when the code of a rule changes what it finds.
 */
const RULES_VERSION = 'contradictions-4-strict';
export const RULES_FINGERPRINT = contentId(
  RULES_VERSION,
  JSON.stringify([...Object.values(files).map((file) => file.raw), JSON.parse(lexiconText('dedup/aliases.json'))]),
);

export const NUMBERS = {
  locales: numbers.locales,
  scales: numbers.scales,
  qualifiers: {
    about: perLanguage(numbers.qualifiers.about),
    nearly: perLanguage(numbers.qualifiers.nearly),
    more: perLanguage(numbers.qualifiers.more),
    less: perLanguage(numbers.qualifiers.less),
  },
  /** surface form (one token or symbol) to canonical unit */
  units: new Map(
    Object.entries(numbers.units).flatMap(([unit, forms]) =>
      forms.map((form) => [phraseTokens(form).join(' '), unit] as const),
    ),
  ),
  months: new Set(numbers.months.map((month) => month.toLowerCase())),
  weekdays: new Set(numbers.weekdays.map((day) => day.toLowerCase())),
};

export const POLARITY = {
  negations: Object.fromEntries(
    LANGUAGES.map((language) => [language, new Set(polarity.negations[language].map((word) => word.toLowerCase()))]),
  ) as Record<Language, Set<string>>,
  limiters: Object.fromEntries(
    LANGUAGES.map((language) => [language, new Set(polarity.limiters[language].map((word) => word.toLowerCase()))]),
  ) as Record<Language, Set<string>>,
  idioms: patterns(polarity.idioms),
  concepts: polarity.concepts.map((concept) => ({
    concept: concept.concept,
    positive: perLanguage(concept.positive),
    negative: perLanguage(concept.negative),
    positiveWord: concept.positive.en[0]!,
    negativeWord: concept.negative.en[0]!,
  })),
};

export const MODALITY = {
  markers: {
    advised: perLanguage(modality.markers.advised),
    planned: perLanguage(modality.markers.planned),
    possible: perLanguage(modality.markers.possible),
    demanded: perLanguage(modality.markers.demanded),
  },
  labels: modality.labels,
  scores: modality.scores,
};

export const SCOPE = {
  locatives: wordSets(scope.locatives),
  determiners: wordSets(scope.determiners),
  prepositions: new Set(scope.prepositions),
  weakModifiers: new Set(scope.weakModifiers),
  linkingVerbs: new Set(scope.linkingVerbs),
};

export const HEADS = {
  verbs: new Set(heads.verbs),
  irregular: new Map(Object.entries(heads.irregular)),
  fillers: new Set(heads.fillers),
};

export const asLanguage = (code: string | null | undefined): Language =>
  (LANGUAGES as readonly string[]).includes(code ?? '') ? (code as Language) : 'en';

/** Words that make a source a role rather than a name ("a spokesperson", "het ministerie"). */
export const GENERIC_SOURCE_WORDS = new Set(
  LANGUAGES.flatMap((language) => attribution.generic[language].map((word) => word.toLowerCase())),
);
