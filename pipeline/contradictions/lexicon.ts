import aliasData from '../dedup/lexicons/aliases.json' with { type: 'json' };
import { contentId } from '../hash.ts';
import { z } from 'zod';
import { Modality } from '../../schemas/claim.ts';
import { SupportedLanguage } from '../../schemas/article.ts';
import headsData from './lexicons/heads.json' with { type: 'json' };
import modalityData from './lexicons/modality.json' with { type: 'json' };
import numbersData from './lexicons/numbers.json' with { type: 'json' };
import polarityData from './lexicons/polarity.json' with { type: 'json' };
import attributionData from './lexicons/attribution.json' with { type: 'json' };
import scopeData from './lexicons/scope.json' with { type: 'json' };
import { tokens, WILDCARD } from './text.ts';

const Words = z.array(z.string().min(1));
const PerLanguage = z.object({ nl: Words, de: Words, en: Words });
export type Language = SupportedLanguage;
export const LANGUAGES = SupportedLanguage.options;

export const NumbersLexicon = z.object({
  locales: z.record(SupportedLanguage, z.object({ decimal: z.enum([',', '.']), group: z.enum([',', '.']) })),
  scales: z.record(SupportedLanguage, z.record(z.string(), z.number().positive())),
  qualifiers: z.object({ about: PerLanguage, nearly: PerLanguage, more: PerLanguage, less: PerLanguage }),
  units: z.record(z.string(), Words),
  months: Words,
  /** day names, which a dateline capitalises but which name no one: never an anchor of a text */
  weekdays: Words,
});

export const PolarityLexicon = z.object({
  negations: PerLanguage,
  /** "only": a permission with a limiter ("darf nur noch privat") is a restriction, so no side is taken */
  limiters: PerLanguage,
  /** comparative idioms whose negation word denies nothing ("wie nie zuvor", "than ever"); "*" stands for any one word */
  idioms: PerLanguage,
  concepts: z.array(z.object({ concept: z.string(), positive: PerLanguage, negative: PerLanguage })),
});

export const ModalityLexicon = z.object({
  markers: z.object({ advised: PerLanguage, planned: PerLanguage, possible: PerLanguage, demanded: PerLanguage }),
  labels: z.record(Modality, z.string()),
  scores: z.record(z.string(), z.number().min(0).max(1)).refine(
    (scores) =>
      Object.keys(scores).every((key) => {
        const [first, second, ...rest] = key.split('|');
        return (
          rest.length === 0 &&
          Modality.safeParse(first).success &&
          Modality.safeParse(second).success &&
          first! < second!
        );
      }),
    'score keys are two modalities in alphabetical order, like "advised|fact"',
  ),
});

export const AttributionLexicon = z.object({ generic: PerLanguage });

export const ScopeLexicon = z.object({
  about: z.string(),
  locatives: PerLanguage,
  determiners: PerLanguage,
  prepositions: Words,
  weakModifiers: Words,
  linkingVerbs: Words,
});

export const HeadsLexicon = z.object({
  verbs: Words,
  irregular: z.record(z.string(), z.string()),
  fillers: Words,
});

/** A phrase as the tokens `tokens()` would give for it, so lexicon and text match the same way. */
export type Phrase = string[];
const phrases = (words: readonly string[]): Phrase[] => words.map(tokens).filter((phrase) => phrase.length > 0);
const perLanguage = (table: z.infer<typeof PerLanguage>) =>
  Object.fromEntries(LANGUAGES.map((language) => [language, phrases(table[language])])) as Record<Language, Phrase[]>;
/** Like a phrase, but a "*" stays a token of its own: a gap of exactly one word. */
const patterns = (table: z.infer<typeof PerLanguage>) =>
  Object.fromEntries(
    LANGUAGES.map((language) => [
      language,
      table[language].map((pattern) =>
        pattern.split(/\s+/).flatMap((part) => (part === WILDCARD ? [WILDCARD] : tokens(part))),
      ),
    ]),
  ) as Record<Language, Phrase[]>;
const wordSets = (table: z.infer<typeof PerLanguage>) =>
  Object.fromEntries(
    LANGUAGES.map((language) => [language, new Set(table[language].map((word) => word.toLowerCase()))]),
  ) as Record<Language, Set<string>>;

const numbers = NumbersLexicon.parse(numbersData);
const polarity = PolarityLexicon.parse(polarityData);
const modality = ModalityLexicon.parse(modalityData);
const heads = HeadsLexicon.parse(headsData);
const attribution = AttributionLexicon.parse(attributionData);
const scope = ScopeLexicon.parse(scopeData);

/**
 * Changes whenever the rules' data changes, so that stored contradictions are found again.
 * Bump RULES_VERSION when the code of a rule changes what it finds.
 */
const RULES_VERSION = 'contradictions-4-strict';
export const RULES_FINGERPRINT = contentId(
  RULES_VERSION,
  JSON.stringify([numbersData, polarityData, modalityData, headsData, attributionData, scopeData, aliasData]),
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
      forms.map((form) => [tokens(form).join(' '), unit] as const),
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
