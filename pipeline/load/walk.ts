import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.json', '.jsonl'] as const;

/** Not articles: dependencies, and the notes and gold annotations a corpus keeps beside its articles. */
const NOT_ARTICLES = new Set(['node_modules', 'gold', 'README.md']);

/** Every file below a folder, in a stable order, skipping hidden entries and those in NOT_ARTICLES. */
export async function* walkFolder(root: string): AsyncGenerator<{ absolute: string; relative: string }> {
  const entries = await readdir(root, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || NOT_ARTICLES.has(entry.name)) continue;
    const absolute = join(root, entry.name);
    if (entry.isDirectory()) {
      for await (const inner of walkFolder(absolute)) {
        yield { absolute: inner.absolute, relative: join(entry.name, inner.relative).split(sep).join('/') };
      }
    } else if (entry.isFile()) {
      yield { absolute, relative: relative(root, absolute).split(sep).join('/') };
    }
  }
}
