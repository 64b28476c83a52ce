import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The devdata beside the checkout is real news written by others: we measure against it and never
 * copy it in. Any run of six words that a project file shares with it is a sentence, or most of one,
 * taken from it: a test or a comment must say the same thing in words of our own.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEVDATA = join(ROOT, '..', 'shared', 'devdata');
const RUN = 6;
const PROJECT_FOLDERS = ['pipeline', 'prompts', 'schemas', 'corpus', 'tests'];
const TEXT_FILE = /\.(?:ts|json|jsonl|md|txt|html|htm)$/u;

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : TEXT_FILE.test(name) ? [path] : [];
  });
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];

function runsOf(text: string): string[] {
  const all = words(text);
  return all.slice(0, Math.max(0, all.length - RUN + 1)).map((_, index) => all.slice(index, index + RUN).join(' '));
}

describe.skipIf(!existsSync(DEVDATA))('the devdata stays outside the project', () => {
  it(`no project file shares a run of ${RUN} words with ../shared/devdata`, () => {
    // The articles themselves, not the folder's README about them.
    const articles = filesUnder(DEVDATA).filter((file) => file.endsWith('.jsonl'));
    const devdata = new Set(articles.flatMap((file) => runsOf(readFileSync(file, 'utf8'))));
    const copied: string[] = [];
    for (const file of [
      ...PROJECT_FOLDERS.flatMap((folder) => filesUnder(join(ROOT, folder))),
      join(ROOT, 'README.md'),
    ]) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          const run = runsOf(line).find((candidate) => devdata.has(candidate));
          if (run) copied.push(`${relative(ROOT, file)}:${index + 1}: "${run}"`);
        });
    }
    expect(articles.length).toBeGreaterThan(0);
    expect(copied).toEqual([]);
  });
});
