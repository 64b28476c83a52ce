import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FloresArticle } from '../../schemas/devdata.ts';

/** Where the shared development data lies beside this project's checkout. */
export const FLORES_PATH = fileURLToPath(
  new URL('../../../shared/devdata/flores-wikinews/articles.jsonl', import.meta.url),
);

/**
 * The FLORES Wikinews articles for the measurement scripts (eval, dedup, gloss); null when the
 * data is not beside the checkout, so every script still runs without it.
 */
export function readFloresArticles(path = FLORES_PATH): FloresArticle[] | null {
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => FloresArticle.parse(JSON.parse(line)));
}
