import { z } from 'zod';
import { SupportedLanguage } from './article.ts';
import { Modality } from './claim.ts';

/** The word lists the contradiction rules read (pipeline/lexicons/contradictions/*.json). */
const Words = z.array(z.string().min(1));
export const PerLanguage = z.object({ nl: Words, de: Words, en: Words });

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
  /**
   * comparative idioms whose negation word denies nothing ("wie nie zuvor", "than ever"); "*" stands for any one word
   */
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
