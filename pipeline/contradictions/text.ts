/** Set and excerpt helpers the contradiction rules share; their tokens come from `text/words.ts`. */

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** A short quoted excerpt for explanations. */
export const excerpt = (text: string, max = 80) => {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
};

/**
 * Names cut to a stem: "Germany"/"German", "Taiwan"/"Taiwanese", "Justitie"/"Justice" meet; "Germany"/"Netherlands" do
 * not.
 */
export const nameStem = (word: string) =>
  word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .slice(0, 5);
