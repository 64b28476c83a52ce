import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldClusters, loadGold } from '../pipeline/eval/gold.ts';
import { tempDir } from './support/folder.ts';

const TEXT = 'Het kabinet verbiedt de app. 🚀 De minister zei dat gisteren in Den Haag.';

const claim = (id: string, quote: string, cluster = id) => `
      - id: ${id}
        quote: "${quote}"
        actor: het kabinet
        action: verbiedt de app
        date: null
        reason: null
        source: null
        polarity: affirmed
        modality: fact
        statement_en: The cabinet bans the app.
        cluster: ${cluster}`;

function goldFolder(body: string): string {
  const folder = join(tempDir(), 'gold');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'event.yaml'), body);
  return folder;
}

const file = (claims: string, pairs = '') =>
  `event: test\narticles:\n  - path: a.txt\n    language: nl\n    claims:${claims}\n${pairs}`;

describe('loading gold annotations', () => {
  it('places each quote at code-point offsets in the stored text', () => {
    const gold = loadGold(
      goldFolder(file(claim('one', 'Het kabinet verbiedt de app.') + claim('two', 'De minister zei dat gisteren'))),
      new Map([['a.txt', TEXT]]),
    );
    const two = gold.claims.get('two')!;
    // The emoji is one code point (two UTF-16 units): offsets must count it once, as SQLite's substr does.
    expect([...TEXT].slice(two.char_start, two.char_end).join('')).toBe('De minister zei dat gisteren');
    expect(two.char_start).toBe(31);
  });

  it('rejects a quote that is not verbatim in the stored text, naming the claim', () => {
    const folder = goldFolder(file(claim('one', 'Het kabinet verbood de app.')));
    expect(() => loadGold(folder, new Map([['a.txt', TEXT]]))).toThrow(
      /quote of one is not in the stored text of a\.txt/,
    );
  });

  it('rejects unknown articles, unannotated articles, duplicate ids and pairs with unknown claims', () => {
    const folder = goldFolder(
      file(
        claim('one', 'Het kabinet') + claim('one', 'De minister'),
        'contradictions:\n  - { a: one, b: ghost, kind: date, note: "x" }\n',
      ),
    );
    const run = () =>
      loadGold(
        folder,
        new Map([
          ['a.txt', TEXT],
          ['b.txt', TEXT],
        ]),
      );
    expect(run).toThrow(/claim id one is used twice/);
    expect(run).toThrow(/names unknown claim ghost/);
    expect(run).toThrow(/article b\.txt has no gold annotation/);
    expect(() => loadGold(folder, new Map([['c.txt', TEXT]]))).toThrow(/no stored article at path a\.txt/);
  });

  it('rejects a field outside the schema', () => {
    const folder = goldFolder(file(claim('one', 'Het kabinet').replace('polarity: affirmed', 'polarity: maybe')));
    expect(() => loadGold(folder, new Map([['a.txt', TEXT]]))).toThrow(/polarity/);
  });

  it('groups claims by their cluster key', () => {
    const gold = loadGold(
      goldFolder(
        file(claim('one', 'Het kabinet', 'k') + claim('two', 'De minister', 'k') + claim('three', 'Den Haag')),
      ),
      new Map([['a.txt', TEXT]]),
    );
    expect([...goldClusters(gold).values()].map((ids) => ids.sort())).toEqual([['one', 'two'], ['three']]);
  });
});
