import type { PublishedDate } from '../../schemas/article.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** A publication date from metadata, keeping only as much precision as was written. */
export function parsePublished(value: unknown): PublishedDate | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return { iso: value.toISOString().slice(0, 10), precision: 'day' };
  }
  if (typeof value === 'number' && value >= 1000 && value <= 9999) return { iso: String(value), precision: 'year' };
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const iso = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ].*)?$/.exec(text);
  if (iso) {
    const [, year, month, day] = iso;
    if (!month) return { iso: year!, precision: 'year' };
    if (Number(month) < 1 || Number(month) > 12) return undefined;
    if (!day) return { iso: `${year}-${pad(Number(month))}`, precision: 'month' };
    return { iso: `${year}-${pad(Number(month))}-${pad(Number(day))}`, precision: 'day' };
  }
  const european = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (european) {
    const [, day, month, year] = european;
    return { iso: `${year}-${pad(Number(month))}-${pad(Number(day))}`, precision: 'day' };
  }
  const parsed = new Date(text);
  if (!Number.isNaN(parsed.getTime()) && /\d{4}/.test(text)) {
    const iso = `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
    return { iso, precision: /\b\d{1,2}\b/.test(text.replace(/\d{4}/, '')) ? 'day' : 'month' };
  }
  return undefined;
}
