import { describe, expect, it } from 'vitest';
import { englishInvertsPolarity, isBarePronoun } from '../pipeline/eval/honesty.ts';
import { scoreQuotations } from '../pipeline/eval/quotations.ts';

const span = (char_start: number, char_end: number, path = 'a.md') => ({ path, char_start, char_end });

describe('quotation recall and speaker-as-source', () => {
  it('recalls a quotation when a claim quote overlaps half of the shorter span, and credits the speaker by shared words', () => {
    const quotations = [
      { ...span(0, 100), speaker: 'Bundesverkehrsminister Tobias Lindner' },
      { ...span(200, 260), speaker: 'die Polizei' },
      { ...span(400, 450), speaker: null },
      { ...span(0, 100, 'b.md'), speaker: 'Kofi Annan' },
    ];
    const claims = [
      { ...span(10, 90), source: 'Tobias Lindner' },
      { ...span(250, 300), source: 'die Polizei' },
      { ...span(410, 440), source: null },
      { ...span(0, 100, 'c.md'), source: 'Kofi Annan' },
    ];
    const score = scoreQuotations(quotations, claims, 5);
    // 0-100 inside; 200-260 overlaps 10 of 50 (not half); 400-450 inside; b.md has no claim; one quotation was not
    // placed.
    expect(score).toMatchObject({ quotations: 5, placed: 4, recalled: 2, withSpeaker: 3, speakerAsSource: 1 });
    expect(score.recall).toBeCloseTo(0.4);
    expect(score.speakerRate).toBeCloseTo(1 / 3);
  });

  it('counts a speaker named as the actor of the claim apart from the speaker as source', () => {
    const quotations = [
      { ...span(0, 100), speaker: 'die Grünen' },
      { ...span(200, 300), speaker: 'die Polizei' },
    ];
    const claims = [
      { ...span(0, 100), source: null, actor: 'Die Grünen' },
      { ...span(200, 300), source: null, actor: 'Der Fahrer' },
    ];
    expect(scoreQuotations(quotations, claims)).toMatchObject({ speakerAsSource: 0, speakerNamed: 1 });
  });
});

describe('honesty counts', () => {
  it.each([
    ['en', 'She', true],
    ['en', 'Mary Smith', false],
    ['nl', 'Maar hij', true],
    ['nl', 'Het kabinet', false],
    ['de', 'Er', true],
    ['de', 'Die Regierung', false],
  ] as const)('%s: "%s" is a bare pronoun: %s', (language, actor, bare) => {
    expect(isBarePronoun(actor, language)).toBe(bare);
  });

  it.each([
    ['The government did not ban Zoom.', 'negated', false],
    ['The government banned Zoom.', 'negated', true],
    ['Russia did not kill civilians.', 'affirmed', true],
    ['The wind was not only the explanation.', 'affirmed', false],
    ['Cargo may be taken off the ship if the tide does not help.', 'affirmed', false],
    ['The crate held old coins and no gold bars.', 'affirmed', false],
    ['The crate held old coins and not a single gold bar.', 'affirmed', false],
    ['The crate held no gold bars.', 'affirmed', true],
  ] as const)('"%s" with polarity %s inverts it: %s', (english, polarity, inverts) => {
    expect(englishInvertsPolarity(english, polarity)).toBe(inverts);
  });
});
