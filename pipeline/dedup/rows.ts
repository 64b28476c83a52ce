/** The typed arrays a row builder can finish into. */
type Flat = Int32Array | Uint32Array | Uint16Array;

const CHUNK = 1 << 20;

/**
 * Numbers appended row after row, kept in fixed chunks and copied once into one array of the
 * exact length: a doubling array holds up to three times the entries while it grows and is
 * trimmed, which at a million claims' trigrams is hundreds of megabytes.
 */
export function rowBuilder() {
  const chunks: Uint32Array[] = [];
  let length = 0;
  return {
    push(values: ArrayLike<number>) {
      for (let index = 0; index < values.length; index += 1) {
        const at = length % CHUNK;
        if (at === 0) chunks.push(new Uint32Array(CHUNK));
        chunks[chunks.length - 1]![at] = values[index]!;
        length += 1;
      }
    },
    get length() {
      return length;
    },
    /** All entries in one array of the given type; the builder is empty afterwards. */
    done<T extends Flat>(make: (length: number) => T): T {
      const flat = make(length);
      chunks.forEach((chunk, index) =>
        flat.set(index === chunks.length - 1 ? chunk.subarray(0, length - index * CHUNK) : chunk, index * CHUNK),
      );
      chunks.length = 0;
      length = 0;
      return flat;
    },
  };
}
