import type { ClaimFeatures } from './features.ts';

/** Object words as a sparse unit vector weighted by inverse document frequency. */
export type SparseVector = { ids: Int32Array; weights: Float32Array };

export type Vectorised = {
  vectors: SparseVector[];
  /** The same words as character trigrams: cognates and compounds (komitee, committee) still meet. */
  grams: SparseVector[];
  /** Per claim, its object words other claims share, rarest first: the discriminating ones. */
  rarest: string[][];
};

/**
 * Sparse unit vectors, IDF over the claims given (the whole database on each run), so that
 * "government" weighs less than "zoom".
 */
function weighted(count: number, termsOf: (index: number) => Iterable<string>): SparseVector[] {
  const vocabulary = new Map<string, number>();
  const df: number[] = [];
  // Terms are made one item at a time: a million claims' trigrams never exist all at once.
  const ids = Array.from({ length: count }, (_, index) => {
    const own = new Set<number>();
    for (const term of termsOf(index)) {
      let id = vocabulary.get(term);
      if (id === undefined) {
        id = df.length;
        vocabulary.set(term, id);
        df.push(0);
      }
      if (!own.has(id)) df[id] = (df[id] ?? 0) + 1;
      own.add(id);
    }
    return Int32Array.from(own).sort();
  });
  const idf = df.map((frequency) => Math.log(1 + count / frequency));
  return ids.map((list) => {
    const weights = Float32Array.from(list, (id) => idf[id] ?? 0);
    let norm = 0;
    for (const weight of weights) norm += weight * weight;
    norm = Math.sqrt(norm) || 1;
    for (let index = 0; index < weights.length; index += 1) weights[index] = (weights[index] ?? 0) / norm;
    return { ids: list, weights };
  });
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
  const df = new Map<string, number>();
  for (const { contentWords } of features) for (const word of contentWords) df.set(word, (df.get(word) ?? 0) + 1);
  const rarest = features.map(({ contentWords }) =>
    // A word no other claim has cannot lead to a match, so it makes no blocking key.
    contentWords
      .filter((word) => (df.get(word) ?? 0) > 1)
      .sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0)),
  );
  return {
    vectors: weighted(features.length, (index) => features[index]!.contentWords),
    grams: weighted(features.length, (index) => trigrams(features[index]!.contentWords)),
    rarest,
  };
}

export function cosine(a: SparseVector, b: SparseVector): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] ?? 0;
    const y = b.ids[j] ?? 0;
    if (x === y) sum += (a.weights[i++] ?? 0) * (b.weights[j++] ?? 0);
    else if (x < y) i += 1;
    else j += 1;
  }
  return sum;
}

/** A dense embedding scaled to unit length, or null when the provider gave none. */
export function unitEmbedding(embedding: ArrayLike<number> | null | undefined): Float32Array | null {
  if (!embedding || embedding.length === 0) return null;
  const vector = Float32Array.from(embedding);
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  for (let index = 0; index < vector.length; index += 1) vector[index] = (vector[index] ?? 0) / norm;
  return vector;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) sum += (a[index] ?? 0) * (b[index] ?? 0);
  return sum;
}
