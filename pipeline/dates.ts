import type { PublishedDate, SupportedLanguage } from '../schemas/article.ts';
import type { ResolvedDate } from '../schemas/claim.ts';

const NO_DATE: ResolvedDate = { date_start: null, date_end: null, date_precision: null };

/**
 * The date as written, resolved against the publication date into an ISO range and a precision.
 * Without a publication date a relative expression keeps its text and gets no ISO date.
 */
export function resolveDate(expression: string | null, _language: SupportedLanguage, _published: PublishedDate | undefined): ResolvedDate {
  if (!expression) return NO_DATE;
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(expression);
  if (iso) return { date_start: iso[0], date_end: iso[0], date_precision: 'day' };
  return NO_DATE;
}
