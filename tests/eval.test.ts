import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/folder.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEVDATA = join(ROOT, '..', 'shared', 'devdata');

/**
 * The first lines of a devdata file, in the test's own folder (read from ../shared at test time, never copied into the
 * project).
 */
function firstLines(file: string, count: number, folder: string): string | null {
  const path = join(DEVDATA, file);
  if (!existsSync(path)) return null;
  const target = join(folder, file.replace(/\//g, '-'));
  writeFileSync(target, `${readFileSync(path, 'utf8').split('\n').filter(Boolean).slice(0, count).join('\n')}\n`);
  return target;
}

describe('npm run eval', () => {
  it('scores the corpus, prints the table and writes eval.json', () => {
    const out = tempDir();
    const flores = firstLines('flores-wikinews/articles.jsonl', 30, out);
    const quotes = firstLines('de-wikinews-quotes/articles.jsonl', 8, out);
    const devdata = [...(flores ? ['--flores', flores] : []), ...(quotes ? ['--quotes', quotes] : [])];
    const stdout = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'pipeline/cli/eval.ts', '--out', out, '--no-models', ...devdata],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CLAIMLENS_LLM: '' } },
    );
    for (const section of ['language', 'claims', 'fields', 'grounding', 'clusters', 'contradictions'])
      expect(stdout).toContain(section);
    const figures = JSON.parse(readFileSync(join(out, 'eval.json'), 'utf8'));
    expect(figures.language.corpus.right).toBe(figures.language.corpus.total);
    expect(figures.run.extractor).toBe('rules');
    // Fed the gold claims, the pipeline must store every one of them where the gold says it is.
    expect(figures.oracle.claims).toMatchObject({
      matched: figures.oracle.claims.gold,
      predicted: figures.oracle.claims.gold,
    });
    expect(figures.oracle.grounding.unaligned).toBe(0);
    expect(figures.oracle.contradictions.gold).toBeGreaterThanOrEqual(10);
    expect(figures.embeddings).toEqual({ skipped: 'skipped: --no-models' });
    if (flores) {
      // Translations of one text never contradict each other, whatever the rules misread in them.
      expect(figures.flores.run.articles).toBe(30);
      expect(figures.flores.run.betweenTranslations).toBe(0);
      expect(stdout).toContain('contradictions between translations');
    }
    if (quotes) expect(figures.quotations.articles).toBe(8);
  }, 60_000);
});
