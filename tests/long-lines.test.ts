import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { processArticle } from '../pipeline/process-article.ts';
import { createRulesExtractor } from '../pipeline/providers/rules.ts';
import { lexiconFor } from '../pipeline/rules/lexicon.ts';
import { splitSentences } from '../pipeline/rules/sentences.ts';
import { firstOccurrence } from '../pipeline/text-search.ts';
import type { LoadedArticle, SupportedLanguage } from '../schemas/article.ts';
import { makeFolder, tempDir } from './support/folder.ts';

const split = (text: string, language: SupportedLanguage, window?: number) => {
  const lex = lexiconFor(language);
  return splitSentences(text, language, lex.abbreviations, lex.months, window);
};

/** Ingests a folder with the CLI in a child whose heap is capped, as a small machine would run it. */
function ingestCapped(folder: string, heapMb: number): { status: number | null; stderr: string; out: string } {
  const out = tempDir();
  const run = spawnSync(
    process.execPath,
    [`--max-old-space-size=${heapMb}`, '--import', 'tsx', 'pipeline/cli/ingest.ts', folder, '--out', out, '--quiet'],
    { encoding: 'utf8', env: { ...process.env, CLAIMLENS_LLM: '' }, timeout: 120_000 },
  );
  return { status: run.status, stderr: run.stderr, out };
}

describe('a text on one long line', () => {
  it.each<[SupportedLanguage, string]>([
    [
      'en',
      'Dr. Jane Roe said the study is early. The U.S. Senate voted on Monday; "It passed," he said! ' +
        'Officials met Mr. Smith in St. Louis. An endless clause with no full stop that runs on and on, ' +
        'past any window at all, and keeps going. Inflation reached 7.5 percent in 2022. Prices rose. 😀 Done.',
    ],
    [
      'nl',
      'Het kabinet, d.w.z. de ministers, besloot het. Het verbod geldt vanaf 3 april. De minister blijft. ,,Wij heffen niets op." Zo.',
    ],
    [
      'de',
      'Das Amt hat am 8. April entschieden. Behörden bzw. Schulen sollen z.B. andere Dienste nutzen. Dr. Weber sagte es.',
    ],
  ])(
    '%s: is split into the same sentences, at the same offsets, window by window as in one piece',
    (language, text) => {
      const whole = split(text, language, Number.POSITIVE_INFINITY);
      expect(whole.length).toBeGreaterThanOrEqual(3);
      for (const window of [1, 2, 3, 8, 21, 64]) expect(split(text, language, window)).toEqual(whole);
    },
  );

  it('of 1 MB, thirteen thousand sentences, is ingested in bounded memory with every quote at its offsets', () => {
    const filler = 'The health ministry banned Zoom in all schools on Tuesday, officials said. ';
    const town = (i: number) => `The council of Town${i} closed ${i} schools on Monday, the mayor said. `;
    let text = '';
    for (let i = 0; text.length < 1_000_000; i++) text += i % 1000 === 0 ? town(i) : filler;
    const folder = makeFolder({ 'line.txt': text.trim() });

    // Before segmentation went window by window this line took 4 GB of heap and aborted the whole run.
    const run = ingestCapped(folder, 256);
    expect(run.stderr).not.toMatch(/heap out of memory/);
    expect(run.status).toBe(0);

    const db = new Database(join(run.out, 'claims.sqlite'), { readonly: true });
    expect(db.prepare('SELECT path, status, error FROM v_articles').all()).toEqual([
      { path: 'line.txt', status: 'ok', error: null },
    ]);
    const claims = db
      .prepare(
        `SELECT c.quote, substr(a.text, c.char_start + 1, c.char_end - c.char_start) AS at_offsets
           FROM claims c JOIN articles a USING (article_id) ORDER BY c.char_start`,
      )
      .all() as { quote: string; at_offsets: string }[];
    db.close();
    const towns = claims.filter((claim) => claim.quote.startsWith('The council of Town'));
    expect(towns.map((claim) => claim.quote)).toEqual(
      Array.from({ length: towns.length }, (_, k) => town(k * 1000).trim()),
    );
    expect(towns.length).toBeGreaterThan(10);
    for (const claim of claims) expect(claim.at_offsets).toBe(claim.quote);
  }, 120_000);
});

describe('an article of tens of thousands of different sentences', () => {
  it('finds where every string first occurs, as indexOf does', () => {
    let text = '😀 ';
    for (let i = 0; text.length < 200_000; i++) text += `The council of Town${i % 700} closed ${i % 13} schools. `;
    const find = firstOccurrence(text);
    const needles = [
      text.slice(0, 40),
      text.slice(-40),
      'The council of Town699 closed 12 schools.',
      'The council of Town5 closed 5 schools. The council of Town6',
      'The council of Town700 closed 0 schools.',
      'Town1 ',
      '',
      `${text.slice(150_000, 150_100)}x`,
    ];
    for (let at = 1; at < text.length; at += 7919) needles.push(text.slice(at, at + 17 + (at % 60)));
    for (const needle of needles) expect(find(needle), needle).toBe(text.indexOf(needle));
  });

  it('is extracted and grounded in seconds, each quote at its own code-point offsets', async () => {
    // Each quote used to be searched for and its offset counted from the start of the text: 70 s for 2 MB.
    let text = '🚧 Roadworks. ';
    for (let i = 0; text.length < 2_000_000; i++)
      text += `The council of Town${i} closed ${i % 97} schools on Tuesday, a spokesman for the region said. `;
    const article: LoadedArticle = { path: 'line.txt', text, encoding: 'utf-8', metadata: {} };
    const { record } = await processArticle('line', article, createRulesExtractor());
    expect(record.status).toBe('ok');
    expect(record.claims.length).toBeGreaterThan(20_000);
    const codePoints = Array.from(text);
    const misplaced = record.claims.filter(
      (claim) => codePoints.slice(claim.char_start, claim.char_end).join('') !== claim.quote,
    );
    expect(misplaced).toEqual([]);
  }, 30_000);
});
