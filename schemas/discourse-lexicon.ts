import { z } from 'zod';

const Words = z.string().describe('space-separated lowercase words');

/** What one language needs to judge a claim in its article (pipeline/lexicons/rules/discourse.json). */
export const DiscourseLanguage = z.object({
  resolvable: Words.describe(
    'personal pronouns that stand for a named person or body earlier in the article: "he", "hij", "sie"',
  ),
  unresolvable: Words.describe(
    'pronouns and demonstratives that name nobody a reader can check: "it", "dat", "man", "wir"',
  ),
  disagreeing: z
    .record(z.string(), Words)
    .default({})
    .describe('per pronoun, the articles an antecedent cannot start with: "er" never stands for "das Grundgesetz"'),
  institutions: Words.default('').describe(
    'words that make a name a body, not a person ("court", "rechtbank"): "he", "hij" never stand for one',
  ),
  things: Words.default('').describe(
    'words that make a name a thing, not a person ("book", "theater"): "he", "hij", "she" never stand for one',
  ),
  firstPerson: Words.describe('"we", "wir": in a quotation, the speaker (or the body they speak for)'),
  secondPerson: Words.describe('"you", "je", "du": advice to the reader, not a claim'),
  interjections: Words.describe('"ach", "oh": a sentence opening with one is an exclamation, not a claim'),
  opinion: Words.describe(
    'evaluative adjectives: "een verstandig besluit" is an opinion, unless someone is quoted saying it',
  ),
  reportedSpeech: Words.describe(
    'finite forms of reported speech (German Konjunktiv I and the würde/hätte/wäre that stand in for it)',
  ),
});
export type DiscourseLanguage = z.infer<typeof DiscourseLanguage>;

export const DiscourseLexicon = z.object({
  version: z.string(),
  nl: DiscourseLanguage,
  de: DiscourseLanguage,
  en: DiscourseLanguage,
});
export type DiscourseLexicon = z.infer<typeof DiscourseLexicon>;
