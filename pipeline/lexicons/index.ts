import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/**
 * Every word list the stages read lives in this folder, one subfolder per stage, and is read here:
 * a lexicon is data, checked against its schema in `schemas/` when it is first used.
 */
const FOLDER = new URL('./', import.meta.url);

/** The text of one lexicon file, by its path in this folder ("rules/rules-de.json"): what a fingerprint hashes. */
export const lexiconText = (path: string): string => readFileSync(new URL(path, FOLDER), 'utf8');

/** One lexicon file as written (for a fingerprint of its data) and as its schema reads it. */
export function readLexicon<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
): { raw: unknown; text: string; data: z.infer<Schema> } {
  const text = lexiconText(path);
  const raw: unknown = JSON.parse(text);
  return { raw, text, data: schema.parse(raw) };
}
