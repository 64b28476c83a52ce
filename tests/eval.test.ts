import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/folder.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('npm run eval', () => {
  it('scores the corpus, prints the table and writes eval.json', () => {
    const out = tempDir();
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'pipeline/cli/eval.ts', '--out', out], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CLAIMLENS_LLM: '' } });
    for (const section of ['language', 'claims', 'fields', 'grounding', 'clusters', 'contradictions']) expect(stdout).toContain(section);
    const figures = JSON.parse(readFileSync(join(out, 'eval.json'), 'utf8'));
    expect(figures.language.corpus.right).toBe(figures.language.corpus.total);
    expect(figures.run.extractor).toBe('rules');
    // Fed the gold claims, the pipeline must store every one of them where the gold says it is.
    expect(figures.oracle.claims).toMatchObject({ matched: figures.oracle.claims.gold, predicted: figures.oracle.claims.gold });
    expect(figures.oracle.grounding.unaligned).toBe(0);
    expect(figures.oracle.contradictions.gold).toBeGreaterThanOrEqual(10);
  }, 60_000);
});
