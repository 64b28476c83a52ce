import { describe, expect, it } from 'vitest';
import {
  fieldAgrees,
  matchSpans,
  pairwiseClusters,
  scoreContradictions,
  spanOverlap,
  tokenF1,
} from '../pipeline/eval/metrics.ts';

const span = (path: string, char_start: number, char_end: number) => ({ path, char_start, char_end });

describe('matching claims to gold by span', () => {
  it.each([
    [span('a', 0, 10), span('a', 5, 30), 0.5],
    [span('a', 0, 10), span('a', 6, 30), 0.4],
    [span('a', 0, 10), span('a', 0, 10), 1],
    [span('a', 0, 10), span('b', 0, 10), 0],
    [span('a', 0, 10), span('a', 20, 30), 0],
  ])('overlap of %o and %o is %d of the shorter span', (a, b, expected) => {
    expect(spanOverlap(a, b)).toBeCloseTo(expected);
  });

  it('matches one prediction to at most one gold claim, best overlap first', () => {
    const gold = [
      { ...span('a', 0, 20), id: 'g1' },
      { ...span('a', 18, 40), id: 'g2' },
    ];
    const predicted = [
      { ...span('a', 0, 40), id: 'p1' },
      { ...span('a', 19, 40), id: 'p2' },
      { ...span('b', 0, 20), id: 'p3' },
    ];
    const { pairs, unmatchedPredicted, unmatchedGold } = matchSpans(predicted, gold);
    expect(pairs.map(([p, g]) => [p.id, g.id]).sort()).toEqual([
      ['p1', 'g1'],
      ['p2', 'g2'],
    ]);
    expect(unmatchedPredicted.map((p) => p.id)).toEqual(['p3']);
    expect(unmatchedGold).toEqual([]);
  });
});

describe('comparing fields', () => {
  it('agrees on the same words in another order or case, not on different words', () => {
    expect(tokenF1('Taiwan’s cabinet', 'the cabinet of Taiwan’s')).toBeGreaterThan(0.5);
    expect(fieldAgrees('Osama Rabie', 'Rabie')).toBe(true);
    expect(fieldAgrees('Evergreen', 'the Suez Canal Authority')).toBe(false);
  });

  it('takes an empty gold source to mean the outlet', () => {
    expect(fieldAgrees(null, null, 'The Meridian')).toBe(true);
    expect(fieldAgrees('The Meridian', null, 'The Meridian')).toBe(true);
    expect(fieldAgrees('Citizen Lab', null, 'The Meridian')).toBe(false);
    expect(fieldAgrees(null, 'Citizen Lab')).toBe(false);
  });
});

describe('pairwise cluster scores', () => {
  it('counts pairs put together against pairs that belong together', () => {
    const items = [
      { gold: 'x', predicted: 'A' },
      { gold: 'x', predicted: 'A' },
      { gold: 'x', predicted: null },
      { gold: 'y', predicted: 'A' },
    ];
    const score = pairwiseClusters(items);
    expect(score.goldPairs).toBe(3);
    expect(score.predictedPairs).toBe(3);
    expect(score.precision).toBeCloseTo(1 / 3);
    expect(score.recall).toBeCloseTo(1 / 3);
  });
});

describe('contradiction scores', () => {
  const gold = [
    { a: 'a1', b: 'b1', kind: 'numeric' },
    { a: 'a2', b: 'b2', kind: 'date' },
    { a: 'a2', b: 'b2', kind: 'modality' },
  ];
  const near = [{ a: 'n1', b: 'n2' }];

  it('finds pairs in either order, counts a pair listed under two kinds once, and flags near misses as false alarms', () => {
    const score = scoreContradictions(
      [
        { a: 'b1', b: 'a1', kind: 'numeric' },
        { a: 'a2', b: 'b2', kind: 'modality' },
        { a: 'n2', b: 'n1', kind: 'numeric' },
        { a: null, b: 'a1', kind: 'date' },
      ],
      gold,
      near,
    );
    expect(score).toMatchObject({
      gold: 2,
      found: 2,
      kindRight: 2,
      falseAlarms: 1,
      nearMisses: 1,
      unannotated: 1,
      predicted: 4,
    });
    expect(score.recall).toBe(1);
    expect(score.precision).toBeCloseTo(0.5);
  });

  it('scores zero, not NaN, when nothing is flagged', () => {
    expect(scoreContradictions([], gold, near)).toMatchObject({ precision: 0, recall: 0, f1: 0, falseAlarms: 0 });
  });
});
