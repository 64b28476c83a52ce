/** Rough tokens of a text: about four characters each in nl/de/en; a budget, not a count. */
export const estimateTokens = (text: string) => Math.ceil(text.length / 4);

export type ChunkOptions = { maxTokens: number; overlapTokens: number };

export const DEFAULT_CHUNKING: ChunkOptions = { maxTokens: 3000, overlapTokens: 200 };

/** Paragraphs, and a paragraph too long for the budget cut at sentence ends. */
function pieces(text: string, maxTokens: number): string[] {
  const paragraphs = text
    .split(/\n\s*\n/u)
    .map((p) => p.trim())
    .filter(Boolean);
  return paragraphs.flatMap((paragraph) => {
    if (estimateTokens(paragraph) <= maxTokens) return [paragraph];
    const sentences = paragraph.match(/[^.!?]+(?:[.!?]+["'”’»]?\s*|$)/gu) ?? [paragraph];
    const out: string[] = [];
    let current = '';
    for (const sentence of sentences) {
      if (current && estimateTokens(current + sentence) > maxTokens) {
        out.push(current.trim());
        current = '';
      }
      current += sentence;
    }
    if (current.trim()) out.push(current.trim());
    return out;
  });
}

/**
 * Splits an article on paragraphs into chunks under the token budget; each chunk repeats the
 * last paragraphs of the one before (up to the overlap) so a claim spanning a boundary is seen whole.
 * A short article is one chunk, its text unchanged, so its cache key is the article itself.
 */
export function chunkArticle(text: string, options: ChunkOptions = DEFAULT_CHUNKING): string[] {
  if (estimateTokens(text) <= options.maxTokens) return [text];
  const parts = pieces(text, options.maxTokens);
  const chunks: string[] = [];
  let current: string[] = [];
  let tokens = 0;
  for (const part of parts) {
    const size = estimateTokens(part);
    if (current.length && tokens + size > options.maxTokens) {
      chunks.push(current.join('\n\n'));
      const carried: string[] = [];
      let carriedTokens = 0;
      for (let i = current.length - 1; i >= 0; i--) {
        const piece = current[i]!;
        if (carriedTokens + estimateTokens(piece) > options.overlapTokens) break;
        carried.unshift(piece);
        carriedTokens += estimateTokens(piece);
      }
      // The overlap gives way when it would push the next piece over the budget.
      while (carried.length && carriedTokens + size > options.maxTokens)
        carriedTokens -= estimateTokens(carried.shift()!);
      current = carried;
      tokens = carriedTokens;
    }
    current.push(part);
    tokens += size;
  }
  if (current.length) chunks.push(current.join('\n\n'));
  return chunks;
}
