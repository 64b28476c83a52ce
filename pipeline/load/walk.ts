import { lstat, readFile, readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
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

export type WalkEntry = { absolute: string; relative: string };

/** Whether a real path lies inside the folder being read: symlinks are followed only there. */
export const isInside = (realRoot: string, target: string) =>
  target === realRoot || target.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);

type WalkState = { root: string; realRoot: string; rules: Ignore; visited: Set<string> };

/**
 * Yields every file and every entry that could not be walked (an unreadable folder, a FIFO, a
 * symlink not followed), so the loader gives each a row; a symlinked folder inside the root is
 * walked once, by its real path, so a loop ends. Never throws: a folder it cannot list is an entry.
 */
async function* walk(state: WalkState, folder: string): AsyncGenerator<WalkEntry> {
  const absoluteFolder = join(state.root, folder);
  let entries;
  try {
    entries = await readdir(absoluteFolder, { withFileTypes: true });
  } catch {
    yield { absolute: absoluteFolder, relative: folder || '.' };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const relative = folder ? `${folder}/${entry.name}` : entry.name;
    const absolute = join(state.root, relative);
    let isFolder = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      const target = await realpath(absolute).catch(() => undefined);
      const targetIsFolder =
        target !== undefined &&
        (await stat(target).then(
          (s) => s.isDirectory(),
          () => false,
        ));
      if (targetIsFolder && isInside(state.realRoot, target) && !state.visited.has(target)) {
        isFolder = true;
      } else if (targetIsFolder) {
        if (!state.rules.ignores(`${relative}/`)) yield { absolute, relative };
        continue;
      }
    }
    if (isFolder) {
      if (state.rules.ignores(`${relative}/`)) continue;
      const real = await realpath(absolute).catch(() => absolute);
      if (state.visited.has(real)) {
        yield { absolute, relative };
        continue;
      }
      state.visited.add(real);
      yield* walk(state, relative);
    } else if (!state.rules.ignores(relative)) {
      // Files, symlinks to files, FIFOs, sockets and devices: the loader says which it reads.
      yield { absolute, relative };
    }
  }
}

/**
 * Every file below a folder, in a stable order, skipping hidden entries, node_modules and
 * whatever the folder's `.claimlensignore` names (gitignore syntax).
 */
export async function* walkFolder(root: string): AsyncGenerator<WalkEntry> {
  const realRoot = await realpath(root).catch(() => root);
  yield* walk({ root, realRoot, rules: await ignoreRules(root), visited: new Set([realRoot]) }, '');
}

export type Unreadable = { reason: string; status: 'error' | 'skipped' };

const kindOf = (stats: {
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}) =>
  stats.isFIFO()
    ? 'a FIFO'
    : stats.isSocket()
      ? 'a socket'
      : stats.isCharacterDevice() || stats.isBlockDevice()
        ? 'a device'
        : 'not a file';

const codeOf = (error: unknown) => (error as { code?: string }).code ?? (error as Error).message;

/**
 * Why an entry the walk yielded is not a regular file to read, or null when it is one (a symlink
 * to a file inside the folder counts). Called before anything opens it: opening a FIFO would block.
 * `absolute` is `join(root, relative)`, so the root is recovered from the two.
 */
export async function whyNotReadable(absolute: string, relative: string): Promise<Unreadable | null> {
  let link;
  try {
    link = await lstat(absolute);
  } catch (error) {
    return { reason: `could not read: ${codeOf(error)}`, status: 'error' };
  }
  if (link.isSymbolicLink()) {
    let target: string;
    try {
      target = await realpath(absolute);
    } catch (error) {
      const code = codeOf(error);
      return {
        reason: code === 'ELOOP' ? 'symlink loop, not followed' : `dangling symlink (target missing: ${code})`,
        status: 'error',
      };
    }
    const root = relative === '.' ? absolute : absolute.slice(0, absolute.length - relative.length);
    const realRoot = await realpath(root).catch(() => root);
    if (!isInside(realRoot, target))
      return { reason: 'symlink to a target outside the folder, not followed', status: 'skipped' };
    const targetStats = await stat(target).catch(() => undefined);
    if (targetStats?.isDirectory())
      return {
        reason: 'symlink to a folder already read (a loop or a second way to it), not followed',
        status: 'skipped',
      };
    if (targetStats && !targetStats.isFile())
      return { reason: `not a regular file (symlink to ${kindOf(targetStats)})`, status: 'skipped' };
    return null;
  }
  if (link.isDirectory()) {
    try {
      await readdir(absolute);
    } catch (error) {
      return { reason: `folder could not be read: ${codeOf(error)}; its files were not ingested`, status: 'error' };
    }
    return { reason: 'folder already read through a symlink to it', status: 'skipped' };
  }
  if (!link.isFile()) return { reason: `not a regular file (${kindOf(link)})`, status: 'skipped' };
  return null;
}
