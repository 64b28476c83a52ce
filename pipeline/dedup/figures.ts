/**
 * The precise figures a text states, written one way: "7,5" and "7.5" are 7.5, "30.000" and
 * "30,000" are 30000. Two reports giving one figure likely tell one fact, so a shared figure
 * counts for a match; a different figure never counts against one (that is a contradiction).
 */
/** Words with inner separators: a figure is one made of digits only ("7,5", not "802.11n"). */
const TOKEN = /[\p{L}\p{N}]+(?:[.,][\p{L}\p{N}]+)*/gu;
const NUMBER = /^\d+(?:[.,]\d+)*$/;

/**
 * With one kind of separator, once and before exactly three digits, or repeated, it groups
 * thousands (30.000, 1,234,567); once before other digits it is the decimal point (7,5). With two
 * kinds (1.234,5) the last one is the decimal point.
 */
function normalise(written: string): number {
  const kinds = new Set(written.match(/[.,]/g) ?? []);
  if (kinds.size === 0) return Number(written);
  if (kinds.size === 2) {
    const at = Math.max(written.lastIndexOf('.'), written.lastIndexOf(','));
    return Number(`${written.slice(0, at).replace(/[.,]/g, '')}.${written.slice(at + 1)}`);
  }
  const parts = written.split(/[.,]/);
  const grouping = parts.length > 2 || parts[1]!.length === 3;
  return Number(grouping ? parts.join('') : `${parts[0]}.${parts[1]}`);
}

/**
 * Figures specific enough to point to one fact: with a fraction (5.9) or at least two digits
 * other than a year (the year is the date's business). Single digits are too common.
 */
export function figuresOf(text: string): string[] {
  if (!/\d/.test(text)) return [];
  const found = new Set<string>();
  for (const [token] of text.matchAll(TOKEN)) {
    if (!NUMBER.test(token)) continue;
    const value = normalise(token);
    if (!Number.isFinite(value)) continue;
    const whole = Number.isInteger(value);
    if (whole && (value < 10 || (value >= 1900 && value <= 2100))) continue;
    found.add(String(value));
  }
  return [...found];
}
