import { describe, expect, it } from 'vitest';
import { clusterClaims } from '../pipeline/dedup/cluster.ts';
import { embeddingCosine, quantiseEmbeddings } from '../pipeline/dedup/embeddings.ts';
import type { DedupClaim } from '../pipeline/dedup/features.ts';
import { random } from '../pipeline/bench/dedup-synthetic.ts';

const DIMENSIONS = 384;

/** A seeded stream of numbers in [-0.5, 0.5): the same vectors on every run. */
function centred(seed: number) {
  const next = random(seed);
  return () => next() - 0.5;
}

const unit = (vector: number[]) => {
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
};
const floatCosine = (a: number[], b: number[]) => a.reduce((sum, value, index) => sum + value * b[index]!, 0);

/** Two dense vectors, as e5 gives, whose cosine is `cosine`. */
function vectorPair(seed: number, cosine: number): [number[], number[]] {
  const next = centred(seed);
  const base = unit(Array.from({ length: DIMENSIONS }, next));
  const noise = Array.from({ length: DIMENSIONS }, next);
  const along = floatCosine(noise, base);
  const across = unit(noise.map((value, index) => value - along * base[index]!));
  return [base, base.map((value, index) => cosine * value + Math.sqrt(1 - cosine * cosine) * across[index]!)];
}

let counter = 0;
function claim(actor: string, action: string, statement_en: string, embedding: number[]): DedupClaim {
  counter += 1;
  return {
    claim_id: `q${String(counter).padStart(4, '0')}`,
    article_id: `article-${counter}`,
    language: 'en',
    actor,
    action,
    statement_en,
    date_start: '2021-06-14',
    date_end: '2021-06-14',
    date_precision: 'day',
    published: '2021-06-15',
    embedding,
  };
}

describe('sentence vectors stored as int8', () => {
  it('keep cosines within 0.002 of float', () => {
    for (const [seed, cosine] of [
      [1, 0.99],
      [2, 0.96],
      [3, 0.93],
      [4, 0.9],
      [5, 0.5],
    ] as const) {
      const [a, b] = vectorPair(seed, cosine);
      const store = quantiseEmbeddings([a, b])!;
      expect(Math.abs(embeddingCosine(store, 0, 1) - floatCosine(a, b))).toBeLessThan(0.002);
      expect(embeddingCosine(store, 0, 0)).toBeCloseTo(1, 5);
    }
  });

  // Checked once against the float32 clusterer this replaced: the same answer. Without vectors
  // the answer differs, and with vectors rounded to five levels it differs too.
  it('join and keep apart the same claims as float vectors', () => {
    const pairs = [0.985, 0.96, 0.94, 0.9, 0.8].map((cosine, seed) => vectorPair(seed + 10, cosine));
    const claims = pairs.flatMap(([first, second], index) => {
      const company = ['Veltrano Foods', 'Quorvia Labs', 'Brindle Motors', 'Ostervale Press', 'Marnick Rail'][index]!;
      return [
        claim(company, 'recalled its frozen berry packs', `${company} recalled its frozen berry packs.`, first),
        claim(company, 'recalled berries sold in June', `${company} recalled berries sold in June.`, second),
      ];
    });
    const result = clusterClaims(claims, new Map());
    const together = pairs.map((_, index) => {
      const [first, second] = [claims[index * 2]!, claims[index * 2 + 1]!];
      return result.assignments.get(first.claim_id) === result.assignments.get(second.claim_id);
    });
    expect(together).toEqual([true, true, true, false, false]);
  });
});
