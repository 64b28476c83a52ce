import { DEFAULT_MAX_FILE_BYTES } from '../../schemas/config.ts';
import { loadFolder } from '../load/index.ts';

/** The texts the loader would store, by path: what gold quotes and offsets must match. */
export async function readCorpusTexts(folder: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for await (const outcome of loadFolder(folder, { maxFileBytes: DEFAULT_MAX_FILE_BYTES })) {
    if (outcome.kind === 'article') texts.set(outcome.article.path, outcome.article.text);
  }
  return texts;
}
