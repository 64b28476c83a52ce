import { z } from 'zod';
import { SupportedLanguage } from './article.ts';
import { Modality } from './claim.ts';

/** A space-separated word list: long lists stay readable in the JSON and easy to diff. */
const Words = z.string().describe('space-separated lowercase words');
const Phrases = z.array(z.string().min(1)).describe('lowercase words or multi-word phrases');

export const LexiconVerb = z.object({
  en: z
    .string()
    .regex(/^[a-z' ]+\|[a-z' ]+$/)
    .describe('English base form and past tense, "ban|banned": the gloss in statement_en'),
  kind: z
    .enum(['event', 'say'])
    .default('event')
    .describe('say: an attribution verb, whose subject is the source of what follows'),
  forms: Words.describe('every form written as one word: finite forms, participles, joined separable forms'),
  particle: z
    .string()
    .optional()
    .describe('separable particle (nl/de "in", "ein"; en "for") that completes the split forms'),
  split: Words.optional().describe('finite forms that count only when the particle stands later in the same clause'),
  modality: Modality.exclude(['fact'])
    .optional()
    .describe('what the verb itself says about its complement: "advise" makes it advised'),
});
export type LexiconVerb = z.infer<typeof LexiconVerb>;

/** The words the rules extractor knows for one language (pipeline/lexicons/rules/rules-<lang>.json). */
export const RulesLexicon = z.object({
  language: SupportedLanguage,
  version: z.string().min(1),
  abbreviations: Words.describe('abbreviations whose full stop does not end a sentence, without the final dot'),
  verbs: z.array(LexiconVerb).min(1),
  speechActs: Words.describe(
    'English base forms (as in "en") of verbs that are statements themselves: "admit", "confirm"; their actor is the source',
  ),
  passives: Words.describe('auxiliaries of the passive: "were told" is not an attribution'),
  auxiliaries: Words.describe('have, be, become and modal verbs: part of a verb group, never the claim verb itself'),
  modal: z.object({ planned: Phrases, advised: Phrases, demanded: Phrases, possible: Phrases }),
  negation: Words,
  negationExceptions: Phrases.describe('phrases with a negation word that do not negate: "not only"'),
  causal: Phrases.describe('markers after which the reason follows'),
  sourceBefore: Phrases.describe('markers followed by the source: "according to", "volgens", "laut"'),
  sourceAfter: Phrases.describe('markers that close a sentence with its source: ", aldus X", ", so X"'),
  selfSource: Phrases.describe('"nach eigenen Angaben", "naar eigen zeggen": the actor is its own source'),
  attributionOpeners: Words.default('').describe(
    '"Wie die BBC meldete", "Zoals de krant meldde", "As the BBC reported": the word before the speaker',
  ),
  focusParticles: Words.default('').describe(
    '"bereits", "schon", "nur": before a determiner they belong to the subject ("Schon die Ankündigung hat …")',
  ),
  sourcePostpositions: Phrases.default([]).describe('markers after their source: "Zeugen zufolge"'),
  reportNouns: z
    .object({ markers: Phrases, nouns: Words })
    .optional()
    .describe(
      '"nach einer Umfrage von X", "nach ihren Angaben": a marker, then a noun phrase headed by a report noun, is the source',
    ),
  subordinators: Words.describe('conjunctions that open a subordinate (in nl/de verb-final) clause'),
  relatives: Words,
  coordinators: Words,
  determiners: Words,
  numbers: Words.describe('numbers written as words: "honderd", "zwei", "million"'),
  quantifiers: Phrases.describe('words that open a noun phrase before a number: "about", "ruim", "mehr als"'),
  prepositions: Words,
  fronted: Words.describe('adverbs that can stand before the finite verb without being its subject'),
  pronouns: Words,
  demonstratives: Words.describe(
    '"Dat meldt X": a sentence whose subject points back passes its source to the previous one',
  ),
  infinitive: z.string().describe('the infinitive marker: to, te, zu'),
  dates: z.object({
    months: Words,
    weekdays: Words,
    casual: Phrases,
    relativeWords: Words,
    units: Words,
    parts: Phrases,
    prepositions: Words,
    seasons: Words,
    durationUnits: Words.describe('"within days", "in drei bis vier Tagen": spans counted from an event'),
    durationPrepositions: Words,
  }),
});
export type RulesLexicon = z.infer<typeof RulesLexicon>;

/** Word-for-word English for Dutch or German news text (pipeline/lexicons/rules/gloss-<lang>.json). */
export const GlossLexicon = z.object({
  language: SupportedLanguage,
  version: z.string().min(1),
  words: z.record(z.string(), z.string()).describe('lowercase word to English; an empty string drops the word'),
  verbs: z
    .record(z.string(), z.string().regex(/^[a-z' ]+\|[a-z' ]+\|[a-z' ]+$/))
    .default({})
    .describe(
      'infinitive to English "base|past|participle"; every inflected form is generated; a separable verb marks its particle with "+": "an+kündigen"',
    ),
  strong: z
    .record(z.string(), Words)
    .default({})
    .describe(
      'irregular verbs: infinitive to "past past-plural participle", in German with the third person present last: "nahm nahmen genommen nimmt"',
    ),
  openers: z
    .record(z.string(), z.string())
    .default({})
    .describe(
      'words that open an infinitive clause, to English: "om" → "to", "ohne" → "without"; the verb follows them in English',
    ),
  cognates: z
    .array(z.tuple([z.string(), z.string()]))
    .default([])
    .describe(
      'endings of unknown loanwords and their English, tried in order: ["ität", "ity"] reads "Mortalität" as "mortality"',
    ),
});
export type GlossLexicon = z.infer<typeof GlossLexicon>;
