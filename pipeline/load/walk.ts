import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.json', '.jsonl'] as const;

/** Every file below a folder, in a stable order, skipping hidden entries and node_modules. */
export async function* walkFolder(root: string): AsyncGenerator<{ absolute: string; relative: string }> {
  const entries = await readdir(root, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
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
