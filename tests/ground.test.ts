import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { groundQuote, quoteGrounder } from '../pipeline/ground/index.ts';

/** What a user checks in the database: SQLite's substr at the stored offsets gives the stored quote. */
function sqliteSubstr(text: string, start: number, end: number): string {
  const db = new Database(':memory:');
  try {
    return (db.prepare('SELECT substr(?, ? + 1, ? - ?) AS s').get(text, start, end, start) as { s: string }).s;
  } finally {
    db.close();
  }
}

const TEXT = [
  'De minister zei dinsdag: “We sluiten de grens niet.” 🚧🚧 Dat is nieuw.',
  '',
  'Der Sprecher\u00a0erklärte – laut Protokoll – dass die Behörde „keine Daten“ speichere.',
  '',
  'The ministry said on Tuesday that 40 schools would reopen in May, citing lower infection rates.',
].join('\n');

describe('groundQuote', () => {
  it.each([
    ['an exact quote after emoji', 'Dat is nieuw.', 'exact'],
    ['a quote with straight instead of curly quotes', 'zei dinsdag: "We sluiten de grens niet."', 'normalised'],
    [
      'a quote with a plain space for a non-breaking one and a hyphen for a dash',
      'Der Sprecher erklärte - laut Protokoll - dass',
      'normalised',
    ],
    ['a quote in other case with a line break folded', 'DAT IS NIEUW. der sprecher', 'normalised'],
    ['German low-high quotes written straight', 'dass die Behörde "keine Daten" speichere', 'normalised'],
    ['a slightly paraphrased quote', 'the ministry said on Tuesday that 40 schools will reopen in May', 'fuzzy'],
  ])('aligns %s', (_name, quote, alignment) => {
    const grounding = groundQuote(TEXT, quote);
    expect(grounding?.alignment).toBe(alignment);
    const { char_start, char_end, quote: stored } = grounding!;
    expect(sqliteSubstr(TEXT, char_start, char_end)).toBe(stored);
    expect(Array.from(TEXT).slice(char_start, char_end).join('')).toBe(stored);
  });

  it('stores the text as it stands, not as the extractor wrote it', () => {
    const grounding = groundQuote(TEXT, 'zei dinsdag: "We sluiten de grens niet."');
    expect(grounding?.quote).toBe('zei dinsdag: “We sluiten de grens niet.”');
  });

  it('counts offsets in code points, so an emoji before the quote shifts it by one', () => {
    const grounding = groundQuote('🚧 ab 🚧 cd', 'cd')!;
    expect(grounding).toMatchObject({ char_start: 7, char_end: 9, alignment: 'exact' });
    expect(sqliteSubstr('🚧 ab 🚧 cd', grounding.char_start, grounding.char_end)).toBe('cd');
  });

  it('aligns a quote that itself contains an emoji', () => {
    const grounding = groundQuote(TEXT, 'niet.” 🚧🚧 dat')!;
    expect(grounding.alignment).toBe('normalised');
    expect(grounding.quote).toBe('niet.” 🚧🚧 Dat');
    expect(sqliteSubstr(TEXT, grounding.char_start, grounding.char_end)).toBe(grounding.quote);
  });

  it.each([
    ['an invented sentence', 'The government has resigned over the scandal'],
    ['words from the text in another order and meaning', 'rates lower schools Tuesday ministry reopen'],
    ['an empty quote', '   '],
  ])('refuses %s', (_name, quote) => {
    expect(groundQuote(TEXT, quote)).toBeNull();
  });

  it('gives a fuzzy score below 1 and refuses it above a stricter threshold', () => {
    const quote = 'the ministry said on Tuesday that 40 schools will reopen in May';
    const grounding = groundQuote(TEXT, quote)!;
    expect(grounding.alignment_score).toBeGreaterThan(0.8);
    expect(grounding.alignment_score).toBeLessThan(1);
    expect(groundQuote(TEXT, quote, 0.99)).toBeNull();
  });

  it('grounds many quotes of one text with one grounder as it grounds each alone', () => {
    const quotes = [
      'Dat is nieuw.',
      'DAT IS NIEUW. der sprecher',
      'The government has resigned over the scandal',
      'the ministry said on Tuesday that 40 schools will reopen in May',
      'niet.” 🚧🚧 dat',
    ];
    const ground = quoteGrounder(TEXT);
    const together = quotes.map((quote) => ground(quote));
    expect(together.map((grounding) => grounding?.alignment ?? null)).toEqual([
      'exact',
      'normalised',
      null,
      'fuzzy',
      'normalised',
    ]);
    expect(together).toEqual(quotes.map((quote) => groundQuote(TEXT, quote)));
  });
});
