import type { ClaimRow } from '../../schemas/contradiction.ts';
import { verbEntries } from '../dedup/lexicons.ts';
import type { ClaimFeatures } from './features.ts';
import { clampScore, type Finding } from './finding.ts';
import { phraseTokens } from '../text/words.ts';

const DAY_MS = 86_400_000;

/** The last day a date of this precision covers: "2020-04" runs to 30 April. */
function lastDay(iso: string): string {
  if (/^\d{4}$/.test(iso)) return `${iso}-12-31`;
  if (/^\d{4}-\d{2}$/.test(iso)) {
    const [year, month] = iso.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  }
  return iso.slice(0, 10);
}

const firstDay = (iso: string) =>
  iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso.slice(0, 10);

export function dateRange(claim: Pick<ClaimRow, 'date_start' | 'date_end'>): [string, string] | null {
  if (!claim.date_start) return null;
  return [firstDay(claim.date_start), lastDay(claim.date_end ?? claim.date_start)];
}

const describe = (claim: ClaimRow) => {
  const range =
    claim.date_end && claim.date_end !== claim.date_start
      ? `${claim.date_start} to ${claim.date_end}`
      : claim.date_start;
  return `${range}${claim.date_precision ? ` (${claim.date_precision})` : ''}${claim.date ? `, written "${claim.date}"` : ''}`;
};

let reportingVerbs: ReadonlySet<string> | undefined;
/** Words of saying, and the first word of "teilte ... mit": not "expected", whose date is the event's. */
const reporting = () =>
  (reportingVerbs ??= new Set(
    verbEntries()
      .filter((entry) => entry.frame === 'speech')
      .flatMap((entry) => [...entry.en, ...entry.nl, ...entry.de])
      .map((form) => phraseTokens(form)[0]!)
      .filter((word) => !/^(?:expect|verwacht|erwart)/.test(word)),
  ));

/**
 * A date written right after a verb of saying ("Zoom said on Wednesday that it has fixed the
 * flaw", "zei woensdag dat", "sagte am Mittwoch") dates the report, not what it reports.
 */
export function datesTheReport(claim: Pick<ClaimRow, 'date' | 'quote'>): boolean {
  if (!claim.date) return false;
  const at = claim.quote.toLowerCase().indexOf(claim.date.toLowerCase());
  if (at < 0) return false;
  const before = phraseTokens(claim.quote.slice(0, at)).at(-1);
  return before !== undefined && reporting().has(before);
}

/**
 * Dates whose ranges, each as wide as its precision, share no day. "vandaag" in an article of
 * 7 April and "on 7 April" resolve to the same day and so agree.
 */
export function dateRule(a: ClaimFeatures, b: ClaimFeatures): Finding | null {
  const rangeA = dateRange(a.claim);
  const rangeB = dateRange(b.claim);
  if (!rangeA || !rangeB || datesTheReport(a.claim) || datesTheReport(b.claim)) return null;
  if (rangeA[0] <= rangeB[1] && rangeB[0] <= rangeA[1]) return null;
  const [early, late] = rangeA[1] < rangeB[0] ? [rangeA, rangeB] : [rangeB, rangeA];
  const gapDays = Math.round((Date.parse(late[0]) - Date.parse(early[1])) / DAY_MS);
  return {
    kind: 'date',
    explanation: `A dates it to ${describe(a.claim)}, B to ${describe(b.claim)}: the periods are ${gapDays} day${gapDays === 1 ? '' : 's'} apart and cannot overlap.`,
    // A one-day gap is often a time zone or a publication-date slip; weeks apart is a real disagreement.
    score: clampScore(0.45 + Math.min(gapDays, 30) / 60),
  };
}

/**
 * Each article's main month: the month most of its dated claims fall in, when one month leads.
 * An undated figure in an article about March is a March figure, not one to hold against
 * February's ("in February the rate was still 5.9 %").
 */
export function articlePeriods(claims: readonly ClaimRow[]): Map<string, [string, string]> {
  const counts = new Map<string, Map<string, number>>();
  for (const claim of claims) {
    const range = dateRange(claim);
    // Only claims dated within one month say which month the article is about.
    if (!range || range[0].slice(0, 7) !== range[1].slice(0, 7)) continue;
    const months = counts.get(claim.article_id) ?? new Map<string, number>();
    months.set(range[0].slice(0, 7), (months.get(range[0].slice(0, 7)) ?? 0) + 1);
    counts.set(claim.article_id, months);
  }
  const periods = new Map<string, [string, string]>();
  for (const [article, months] of counts) {
    const ranked = [...months].sort((x, y) => y[1] - x[1]);
    if (ranked.length > 1 && ranked[0]![1] === ranked[1]![1]) continue;
    const month = ranked[0]![0];
    periods.set(article, [firstDay(month), lastDay(month)]);
  }
  return periods;
}

/** Whether two periods share a day; null when either is unknown. */
export const periodsOverlap = (a: [string, string] | null, b: [string, string] | null): boolean | null =>
  a && b ? a[0] <= b[1] && b[0] <= a[1] : null;
