import type { ClaimFeatures } from './features.ts';

/** Object words as a sparse unit vector weighted by inverse document frequency. */
export type SparseVector = { ids: Int32Array; weights: Float32Array };

export type Vectorised = {
  vectors: SparseVector[];
  /** Per claim, its object words other claims share, rarest first: the discriminating ones. */
  rarest: string[][];
};

/**
 * IDF over the claims given (the whole database on each run), so that "government" weighs less
 * than "zoom" wherever both are common and rare.
 */
export function vectorise(features: readonly ClaimFeatures[]): Vectorised {
  const vocabulary = new Map<string, number>();
  const df: number[] = [];
  for (const { objectWords } of features) {
    for (const word of objectWords) {
      let id = vocabulary.get(word);
      if (id === undefined) {
        id = df.length;
        vocabulary.set(word, id);
        df.push(0);
      }
      df[id] = (df[id] ?? 0) + 1;
    }
  }
  const total = features.length;
  const idf = df.map((count) => Math.log(1 + total / count));
  const vectors: SparseVector[] = [];
  const rarest: string[][] = [];
  for (const { objectWords } of features) {
    const ids = Int32Array.from(objectWords.map((word) => vocabulary.get(word) ?? 0)).sort();
    const weights = Float32Array.from(ids, (id) => idf[id] ?? 0);
    const norm = Math.hypot(...weights) || 1;
    for (let index = 0; index < weights.length; index += 1) weights[index] = (weights[index] ?? 0) / norm;
    vectors.push({ ids, weights });
    // A word no other claim has cannot lead to a match, so it makes no blocking key.
    const shared = objectWords.filter((word) => (df[vocabulary.get(word) ?? 0] ?? 0) > 1);
    rarest.push(shared.sort((a, b) => (df[vocabulary.get(a) ?? 0] ?? 0) - (df[vocabulary.get(b) ?? 0] ?? 0) || (a < b ? -1 : a > b ? 1 : 0)));
  }
  return { vectors, rarest };
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
  const norm = Math.hypot(...vector) || 1;
  for (let index = 0; index < vector.length; index += 1) vector[index] = (vector[index] ?? 0) / norm;
  return vector;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) sum += (a[index] ?? 0) * (b[index] ?? 0);
  return sum;
}
