import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SupportedLanguage } from '../../schemas/article.ts';
import { detectLanguage } from '../detect-language/index.ts';

export const LabelledSentence = z.object({
  lang: z.string().min(2).describe('the true language; nl, de and en must be detected, any other must be skipped'),
  text: z.string().min(1),
});
export type LabelledSentence = z.infer<typeof LabelledSentence>;

export const SentenceSet = z.object({ description: z.string(), sentences: z.array(LabelledSentence).min(1) });

export const LENGTH_BUCKETS = ['short', 'medium', 'long'] as const;
export type LengthBucket = (typeof LENGTH_BUCKETS)[number];

/** Short is a headline fragment (≤ 6 words); long is a full news sentence (> 20). */
export function lengthBucket(text: string): LengthBucket {
  const words = text.split(/\s+/u).filter(Boolean).length;
  return words <= 6 ? 'short' : words <= 20 ? 'medium' : 'long';
}

export type Tally = { correct: number; total: number };
export type LanguageScore = {
  overall: Tally;
  byBucket: Record<string, Tally>;
  byLanguage: Record<string, Tally>;
  misses: { text: string; expected: string; got: string }[];
};

const SUPPORTED = new Set<string>(SupportedLanguage.options);

/** Right means: nl/de/en detected as itself, anything else not accepted as one of the three. */
export function isRight(expected: string, guess: { code: string; supported: boolean }): boolean {
  return SUPPORTED.has(expected) ? guess.supported && guess.code === expected : !guess.supported;
}

const bump = (tallies: Record<string, Tally>, key: string, right: boolean) => {
  const tally = (tallies[key] ??= { correct: 0, total: 0 });
  tally.total += 1;
  if (right) tally.correct += 1;
};

/** Scores labelled texts, bucketed by length (`bucketOf`), and by language; other languages count as `other`. */
export function scoreLanguage(
  items: readonly { text: string; lang: string }[],
  bucketOf: (text: string) => string = lengthBucket,
): LanguageScore {
  const score: LanguageScore = { overall: { correct: 0, total: 0 }, byBucket: {}, byLanguage: {}, misses: [] };
  for (const item of items) {
    const guess = detectLanguage(item.text);
    const right = isRight(item.lang, guess);
    score.overall.total += 1;
    if (right) score.overall.correct += 1;
    bump(score.byBucket, bucketOf(item.text), right);
    bump(score.byLanguage, SUPPORTED.has(item.lang) ? item.lang : 'other', right);
    if (!right)
      score.misses.push({
        text: item.text,
        expected: item.lang,
        got: guess.supported ? guess.code : `skipped:${guess.code}`,
      });
  }
  return score;
}

export function loadSentenceSet(file: string): LabelledSentence[] {
  return SentenceSet.parse(JSON.parse(readFileSync(file, 'utf8'))).sentences;
}

export const accuracy = (tally: Tally | undefined) => (tally && tally.total > 0 ? tally.correct / tally.total : 0);
