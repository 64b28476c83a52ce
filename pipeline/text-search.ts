/** Texts shorter than this are searched with `indexOf`: scanning them is cheaper than indexing them. */
const INDEXED_FROM = 1 << 16;
/** The length of the grams the index is made of: short enough for a short quote, long enough to be rare. */
const GRAM = 8;
const BASE = 0x01000193;
/** BASE ** (GRAM - 1), modulo 2^32: the weight of the first unit of a gram, taken off as it leaves the rolling hash. */
const LEAVING = Array.from({ length: GRAM - 1 }).reduce<number>((power) => Math.imul(power, BASE), 1);

type GramIndex = { bucketOf: (hash: number) => number; starts: Int32Array; positions: Int32Array };

/** Every `GRAM`-unit slice of `text`, by the rolling hash of its UTF-16 units, in order of position. */
function gramHashes(text: string, each: (hash: number, start: number) => void): void {
  let hash = 0;
  for (let i = 0; i < text.length; i++) {
    if (i >= GRAM) hash = (hash - Math.imul(text.charCodeAt(i - GRAM), LEAVING)) | 0;
    hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0;
    if (i >= GRAM - 1) each(hash, i - GRAM + 1);
  }
}

/** The positions of every gram of the text, grouped by bucket (a counting sort: positions stay in order). */
function indexGrams(text: string): GramIndex {
  // A bucket for every two to four grams: 8 MB of buckets for a 5 MB text.
  const bits = 30 - Math.clz32(text.length);
  const bucketOf = (hash: number) => Math.imul(hash, 0x9e3779b1) >>> (32 - bits);
  const starts = new Int32Array((1 << bits) + 1);
  gramHashes(text, (hash) => starts[bucketOf(hash) + 1]!++);
  for (let b = 1; b < starts.length; b++) starts[b]! += starts[b - 1]!;
  const positions = new Int32Array(starts[starts.length - 1]!);
  const next = starts.slice(0, -1);
  gramHashes(text, (hash, start) => (positions[next[bucketOf(hash)]!++] = start));
  return { bucketOf, starts, positions };
}

/**
 * Where each of many strings first occurs in one text, as `text.indexOf` says. indexOf scans from the
 * start every time: over the thousands of quotes of a megabyte article that is quadratic. A long text
 * is indexed once by its 8-unit grams; a needle is looked up by its rarest gram, and its candidates
 * are checked in order of position, so the first that matches is the first occurrence.
 */
export function firstOccurrence(text: string): (needle: string) => number {
  let index: GramIndex | undefined;
  return (needle) => {
    if (text.length < INDEXED_FROM || needle.length < GRAM) return text.indexOf(needle);
    const { bucketOf, starts, positions } = (index ??= indexGrams(text));
    let rarest = { offset: 0, from: 0, to: Number.POSITIVE_INFINITY };
    gramHashes(needle, (hash, offset) => {
      const bucket = bucketOf(hash);
      const [from, to] = [starts[bucket]!, starts[bucket + 1]!];
      if (to - from < rarest.to - rarest.from) rarest = { offset, from, to };
    });
    for (let k = rarest.from; k < rarest.to; k++) {
      const start = positions[k]! - rarest.offset;
      if (start >= 0 && text.startsWith(needle, start)) return start;
    }
    return -1;
  };
}
