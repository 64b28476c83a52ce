import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.json', '.jsonl'] as const;

/** A folder says what in it is not an article (notes, annotations) in this file, as .gitignore does. */
export const IGNORE_FILE = '.claimlensignore';

async function ignoreRules(root: string): Promise<Ignore> {
  const rules = ignore().add('node_modules/');
  try {
    rules.add(await readFile(join(root, IGNORE_FILE), 'utf8'));
  } catch {
    // no ignore file: every article file counts
  }
  return rules;
}

async function* walk(root: string, folder: string, rules: Ignore): AsyncGenerator<{ absolute: string; relative: string }> {
  const entries = await readdir(join(root, folder), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const relative = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!rules.ignores(`${relative}/`)) yield* walk(root, relative, rules);
    } else if (entry.isFile() && !rules.ignores(relative)) {
      yield { absolute: join(root, relative), relative };
    }
  }
}

/**
 * Every file below a folder, in a stable order, skipping hidden entries, node_modules and
 * whatever the folder's `.claimlensignore` names (gitignore syntax).
 */
export async function* walkFolder(root: string): AsyncGenerator<{ absolute: string; relative: string }> {
  yield* walk(root, '', await ignoreRules(root));
}
