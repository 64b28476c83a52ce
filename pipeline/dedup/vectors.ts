import type { ClaimFeatures } from './features.ts';
import { rowBuilder } from './rows.ts';

/**
 * Sparse unit vectors of all claims, weighted by inverse document frequency, row by row in flat
 * arrays: row `i`'s sorted term ids are `ids[offsets[i]..offsets[i + 1]]`, its weights
 * `idf[id] / norms[i]` made when compared. At a million claims, two typed arrays per claim cost
 * more than the ids in them.
 */
export type SparseRows = {
  offsets: Int32Array;
  /** 16 bits where the vocabulary fits (trigrams): half the memory. */
  ids: Int32Array | Uint16Array;
  idf: Float32Array;
  norms: Float64Array;
};

export type Vectorised = {
  /** Object words. */
  words: SparseRows;
  /** The same words as character trigrams: cognates and compounds (komitee, committee) still meet. */
  grams: SparseRows;
  /** A claim's object words other claims share, rarest first: the discriminating ones. */
  rarest: (row: number) => string[];
};

/**
 * IDF over the claims given (the whole database on each run), so that "government" weighs less
 * than "zoom". Terms are made one claim at a time: a million claims' trigrams never exist all at
 * once.
 */
function weighted(
  count: number,
  termsOf: (index: number) => Iterable<string>,
): SparseRows & { df: Int32Array; terms: string[] } {
  const vocabulary = new Map<string, number>();
  const terms: string[] = [];
  let df = new Int32Array(1 << 12);
  const offsets = new Int32Array(count + 1);
  const ids = rowBuilder();
  const own = new Set<number>();
  let scratch = new Int32Array(256);
  for (let index = 0; index < count; index += 1) {
    own.clear();
    for (const term of termsOf(index)) {
      let id = vocabulary.get(term);
      if (id === undefined) {
        id = terms.push(term) - 1;
        vocabulary.set(term, id);
        if (id >= df.length) {
          const bigger = new Int32Array(df.length * 2);
          bigger.set(df);
          df = bigger;
        }
      }
      if (!own.has(id)) df[id] = (df[id] ?? 0) + 1;
      own.add(id);
    }
    // Sorted in one scratch array: a fresh array per claim is a million small allocations.
    if (own.size > scratch.length) scratch = new Int32Array(own.size * 2);
    let size = 0;
    for (const id of own) scratch[size++] = id;
    ids.push(scratch.subarray(0, size).sort());
    offsets[index + 1] = ids.length;
  }
  vocabulary.clear();
  const idf = Float32Array.from(df.subarray(0, terms.length), (frequency) => Math.log(1 + count / frequency));
  const flat =
    terms.length <= 1 << 16 ? ids.done((size) => new Uint16Array(size)) : ids.done((size) => new Int32Array(size));
  const norms = new Float64Array(count);
  for (let row = 0; row < count; row += 1) {
    let norm = 0;
    for (let at = offsets[row]!; at < offsets[row + 1]!; at += 1) norm += idf[flat[at]!]! * idf[flat[at]!]!;
    norms[row] = Math.sqrt(norm) || 1;
  }
  return { offsets, ids: flat, idf, norms, df: df.slice(0, terms.length), terms };
}

function* trigrams(words: readonly string[]): Generator<string> {
  for (const word of words) {
    if (word.startsWith('@')) {
      yield word;
      continue;
    }
    const padded = ` ${word} `;
    for (let index = 0; index + 3 <= padded.length; index += 1) yield padded.slice(index, index + 3);
  }
}

export function vectorise(features: readonly ClaimFeatures[]): Vectorised {
  const { df, terms, ...words } = weighted(features.length, (index) => features[index]!.contentWords);
  const rarest = (row: number) => {
    const shared: number[] = [];
    // A word no other claim has cannot lead to a match, so it makes no blocking key.
    for (let at = words.offsets[row]!; at < words.offsets[row + 1]!; at += 1)
      if (df[words.ids[at]!]! > 1) shared.push(words.ids[at]!);
    return shared
      .sort((a, b) => df[a]! - df[b]! || (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0))
      .map((id) => terms[id]!);
  };
  const grams = weighted(features.length, (index) => trigrams(features[index]!.contentWords));
  return { words, grams, rarest };
}

/**
 * The cosine of two rows. Each weight is rounded to float32 as it was when every claim had
 * its own Float32Array of weights, so the scores are the same to the last bit.
 */
export function cosine(rows: SparseRows, a: number, b: number): number {
  const { ids, idf, offsets } = rows;
  const normA = rows.norms[a]!;
  const normB = rows.norms[b]!;
  let sum = 0;
  let i = offsets[a]!;
  let j = offsets[b]!;
  const endA = offsets[a + 1]!;
  const endB = offsets[b + 1]!;
  while (i < endA && j < endB) {
    const x = ids[i]!;
    const y = ids[j]!;
    if (x === y) {
      const weight = idf[x]!;
      sum += Math.fround(weight / normA) * Math.fround(weight / normB);
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return sum;
}
