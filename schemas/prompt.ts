import { z } from 'zod';
import { SupportedLanguage } from './article.ts';
import { ExtractedClaim } from './claim.ts';

/** A worked example shown to the model: an article we wrote and the claims it makes. */
export const PromptExample = z.object({
  language: SupportedLanguage,
  article: z.string().min(1),
  title: z.string().optional().describe("shown to the model as the real articles' title, outlet and date are"),
  outlet: z.string().optional(),
  published: z.string().optional(),
  claims: z.array(ExtractedClaim),
});
export type PromptExample = z.infer<typeof PromptExample>;

/** A prompt's version, as a file names it: lower case, digits, dots and dashes. */
const PromptVersion = z.string().regex(/^[a-z0-9.-]+$/);

/** An extraction prompt as versioned data (prompts/extraction.vN.json). */
export const PromptFile = z.object({
  version: PromptVersion.describe('recorded with every claim; change it whenever the prompt changes'),
  system: z.array(z.string().min(1)).min(1).describe('instruction paragraphs, joined by blank lines'),
  repair: z
    .string()
    .includes('{errors}')
    .describe('sent after an invalid answer; {errors} becomes the validation errors'),
  examples: z.array(PromptExample),
});
export type PromptFile = z.infer<typeof PromptFile>;

/** The contradiction judge's prompt as versioned data (prompts/judge.vN.json). */
export const JudgePromptFile = z.object({
  version: PromptVersion.describe('part of the contradictions stage input: change it whenever the prompt changes'),
  system: z.array(z.string().min(1)).min(1).describe('instruction lines, joined by newlines'),
});
export type JudgePromptFile = z.infer<typeof JudgePromptFile>;
