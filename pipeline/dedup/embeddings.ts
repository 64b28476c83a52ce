/**
 * The sentence vectors of all claims in one block of bytes, row `i` for claim `i`: each vector
 * scaled so that its largest component is ±127 and rounded, with the factor that brings the
 * rounded vector back to unit length. A million 384-wide e5 vectors take 384 MB instead of
 * 1.5 GB as float32 (and more again as one array per claim); a cosine moves by about 0.001,
 * far inside the 0.06 between EMBEDDING_FLOOR and EMBEDDING_CEILING (tests/dedup-embeddings.test.ts).
 */
export type EmbeddingStore = {
  readonly dimensions: number;
  readonly values: Int8Array;
  /** Per row: 1 / length of the rounded vector; 0 for a vector of zeros. */
  readonly scales: Float32Array;
  /** Per row: 1 where the provider gave a vector (a vector of zeros included). */
  readonly present: Uint8Array;
};

const LEVELS = 127;

export function createEmbeddingStore(count: number, dimensions: number): EmbeddingStore {
  return {
    dimensions,
    values: new Int8Array(count * dimensions),
    scales: new Float32Array(count),
    present: new Uint8Array(count),
  };
}

/**
 * Stores one vector in its row; a shorter one is padded with zeros (the cosine over the shared
 * dimensions, as before), none leaves the row empty.
 */
export function setEmbedding(store: EmbeddingStore, row: number, vector: ArrayLike<number> | null | undefined): void {
  if (!vector || vector.length === 0) return;
  const { dimensions, values } = store;
  const length = Math.min(vector.length, dimensions);
  let largest = 0;
  for (let index = 0; index < length; index += 1) largest = Math.max(largest, Math.abs(vector[index] ?? 0));
  store.present[row] = 1;
  if (!(largest > 0) || !Number.isFinite(largest)) return;
  const offset = row * dimensions;
  let squares = 0;
  for (let index = 0; index < length; index += 1) {
    const level = Math.round(((vector[index] ?? 0) / largest) * LEVELS);
    values[offset + index] = level;
    squares += level * level;
  }
  store.scales[row] = 1 / Math.sqrt(squares);
}

/** Every claim's vector, or null when no claim has one. */
export function quantiseEmbeddings(vectors: readonly (ArrayLike<number> | null | undefined)[]): EmbeddingStore | null {
  let dimensions = 0;
  for (const vector of vectors) dimensions = Math.max(dimensions, vector?.length ?? 0);
  if (dimensions === 0) return null;
  const store = createEmbeddingStore(vectors.length, dimensions);
  vectors.forEach((vector, row) => setEmbedding(store, row, vector));
  return store;
}

export const hasEmbedding = (store: EmbeddingStore | null, row: number): store is EmbeddingStore =>
  store !== null && store.present[row] === 1;

/** The cosine of two rows: an integer dot product, scaled back once. */
export function embeddingCosine(store: EmbeddingStore, a: number, b: number): number {
  const { dimensions, values } = store;
  const scale = (store.scales[a] ?? 0) * (store.scales[b] ?? 0);
  if (scale === 0) return 0;
  const offsetA = a * dimensions;
  const offsetB = b * dimensions;
  let sum = 0;
  for (let index = 0; index < dimensions; index += 1)
    sum = (sum + (values[offsetA + index] ?? 0) * (values[offsetB + index] ?? 0)) | 0;
  return sum * scale;
}
