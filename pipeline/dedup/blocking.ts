import { hasEmbedding, type EmbeddingStore } from './embeddings.ts';
import type { ClaimFeatures } from './features.ts';
import { rowBuilder } from './rows.ts';

/**
 * Figures rare enough to block on: with a fraction (7.5) or of four digits or more (30000).
 * Whole numbers below that recur in every other report.
 */
const isRareFigure = (figure: string) => figure.includes('.') || figure.length >= 4;

/** Identity keys per claim: a few are enough to meet the claims about the same district. */
const MAX_IDENTITY_KEYS = 4;

/**
 * Blocking keys: two claims are compared only when they share one. Each claim gets a handful
 * of keys (its actor, and the number that labels it, with its verb frame; its rarest object
 * words alone and in pairs; its precise figures; locality-sensitive hashes of its embedding), so
 * the work grows with the number of claims, not with its square. `identity` holds the label
 * numbers of the actor, or of a vague actor's article: among a thousand budget claims, district
 * 3's meet each other.
 */
export function blockingKeys(
  features: ClaimFeatures,
  rarest: readonly string[],
  embedding: { store: EmbeddingStore | null; row: number },
  identity: readonly string[] = [],
): Uint32Array {
  const keys: string[] = [];
  const frame = features.frame ?? '?';
  for (const key of identity.slice(0, MAX_IDENTITY_KEYS)) keys.push(`I\u0000${key}\u0000${frame}`);
  const actors = features.named.length ? features.named : features.roles;
  for (const actor of actors) keys.push(`A\u0000${actor}\u0000${frame}`);
  // An actor the alias table does not know is met by its words ("Citizen Lab").
  if (!actors.length)
    for (const word of [...features.actorWords].sort().slice(0, 2)) keys.push(`W\u0000${word}\u0000${frame}`);
  const top = rarest.slice(0, 3);
  for (const word of top.slice(0, 2)) keys.push(`O\u0000${word}`);
  for (let i = 0; i < top.length; i += 1)
    for (let j = i + 1; j < top.length; j += 1) keys.push(`P\u0000${top[i]}\u0000${top[j]}`);
  for (const figure of features.figures.filter(isRareFigure).slice(0, 2)) keys.push(`F\u0000${figure}`);
  if (hasEmbedding(embedding.store, embedding.row)) keys.push(...embeddingKeys(embedding.store, embedding.row));
  return Uint32Array.from(new Set(keys.map(hashKey)));
}

/** 32-bit FNV-1a: a collision only merges two blocks, so it costs comparisons, never a wrong answer. */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const BANDS = 3;
const BITS = 10;
/** Planes one after another, each `dimensions` wide. */
let planes: Float32Array | undefined;

/**
 * Random-hyperplane LSH of a stored vector: a fixed seed, so the same embedding always lands in
 * the same buckets. The side of each plane is read off the rounded vector as stored.
 */
function embeddingKeys(store: EmbeddingStore, row: number): string[] {
  const { dimensions, values } = store;
  if (!planes || planes.length !== BANDS * BITS * dimensions) {
    let seed = 0x9e3779b9;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
    };
    planes = Float32Array.from({ length: BANDS * BITS * dimensions }, random);
  }
  const offset = row * dimensions;
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band += 1) {
    let bits = 0;
    for (let bit = 0; bit < BITS; bit += 1) {
      const plane = (band * BITS + bit) * dimensions;
      let side = 0;
      for (let index = 0; index < dimensions; index += 1) side += planes[plane + index]! * values[offset + index]!;
      bits = (bits << 1) | (side > 0 ? 1 : 0);
    }
    keys.push(`E\u0000${band}\u0000${bits}`);
  }
  return keys;
}

/**
 * Every claim's blocking keys, and the claims under each key in the order they are entered:
 * flat arrays instead of a list per key, which at a million claims and a dozen keys each cost
 * more than the claims. Claim `i`'s keys are `keys[offsets[i]..offsets[i + 1]]`; key `k`'s
 * claims are a run of `claims`, found by binary search in `sortedKeys`.
 */
export type BlockIndex = {
  offsets: Int32Array;
  keys: Uint32Array;
  sortedKeys: Uint32Array;
  claims: Int32Array;
  /** Each claim's place in the entry order. */
  rank: Int32Array;
};

export function blockIndex(entryOrder: Int32Array, keysOf: (claim: number) => Uint32Array): BlockIndex {
  const count = entryOrder.length;
  const offsets = new Int32Array(count + 1);
  const rows = rowBuilder();
  for (let claim = 0; claim < count; claim += 1) {
    rows.push(keysOf(claim));
    offsets[claim + 1] = rows.length;
  }
  const keys = rows.done((size) => new Uint32Array(size));
  const rank = new Int32Array(count);
  entryOrder.forEach((claim, at) => (rank[claim] = at));
  // Entries in entry order, then sorted by key with a stable radix sort: each key's claims stay
  // in the order they are entered.
  let sortedKeys = new Uint32Array(keys.length);
  let claims = new Int32Array(keys.length);
  let at = 0;
  for (const claim of entryOrder)
    for (let slot = offsets[claim]!; slot < offsets[claim + 1]!; slot += 1) {
      sortedKeys[at] = keys[slot]!;
      claims[at] = claim;
      at += 1;
    }
  let spareKeys = new Uint32Array(keys.length);
  let spareClaims = new Int32Array(keys.length);
  for (const shift of [0, 16]) {
    const starts = new Int32Array(1 << 16);
    for (const key of sortedKeys) starts[(key >>> shift) & 0xffff]! += 1;
    let sum = 0;
    for (let digit = 0; digit < starts.length; digit += 1) {
      const size = starts[digit]!;
      starts[digit] = sum;
      sum += size;
    }
    for (let entry = 0; entry < sortedKeys.length; entry += 1) {
      const key = sortedKeys[entry]!;
      const to = starts[(key >>> shift) & 0xffff]!++;
      spareKeys[to] = key;
      spareClaims[to] = claims[entry]!;
    }
    [sortedKeys, spareKeys] = [spareKeys, sortedKeys];
    [claims, spareClaims] = [spareClaims, claims];
  }
  return { offsets, keys, sortedKeys, claims, rank };
}

/** The first entry of `sorted` at or above `key`, from `low` on. */
function lowerBound(sorted: Uint32Array, key: number, low = 0): number {
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Calls `visit` with the latest `window` claims entered so far (the first `entered` of the entry
 * order) under `key`, latest first.
 */
export function latestUnderKey(
  index: BlockIndex,
  key: number,
  entered: number,
  window: number,
  visit: (claim: number) => void,
): void {
  const { sortedKeys, claims, rank } = index;
  const start = lowerBound(sortedKeys, key);
  if (sortedKeys[start] !== key) return;
  const stop = key === 0xffffffff ? sortedKeys.length : lowerBound(sortedKeys, key + 1, start);
  // The run's claims entered so far: those ranked below `entered`.
  let low = start;
  let high = stop;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rank[claims[middle]!]! < entered) low = middle + 1;
    else high = middle;
  }
  for (let at = low - 1; at >= Math.max(start, low - window); at -= 1) visit(claims[at]!);
}
