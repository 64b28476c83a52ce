/** A claim's time as whole days since 1970, inclusive; `anchor` says where it came from. */
export type Interval = { start: number; end: number; anchor: 'claim' | 'published'; precise: boolean };

type DatedClaim = {
  date_start: string | null;
  date_end: string | null;
  date_precision: string | null;
  published: string | null;
};

const DAY = 86_400_000;
const SPAN: Record<string, number> = { day: 0, month: 30, year: 365 };
/** Reports usually follow the event within days; an undated claim is placed in the week up to publication. */
const REPORTING_LAG = 7;
/**
 * "Roughly when": two days a week apart can be one event told differently (a date contradiction
 * for the next stage), or a report's date beside the event's. Two months or years must overlap:
 * inflation in February and in March are two figures, not one.
 */
const TOLERANCE = { days: 7, periods: 0, published: 31 };

function dayOf(iso: string | null): number | null {
  if (!iso) return null;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!match) return null;
  const time = Date.UTC(Number(match[1]), Number(match[2] ?? '1') - 1, Number(match[3] ?? '1'));
  return Number.isNaN(time) ? null : Math.floor(time / DAY);
}

export function claimInterval(claim: DatedClaim): Interval | null {
  const start = dayOf(claim.date_start);
  if (start !== null) {
    const end = dayOf(claim.date_end) ?? start + (SPAN[claim.date_precision ?? 'day'] ?? 0);
    return { start, end: Math.max(start, end), anchor: 'claim', precise: (claim.date_precision ?? 'day') === 'day' };
  }
  const published = dayOf(claim.published);
  return published === null
    ? null
    : { start: published - REPORTING_LAG, end: published, anchor: 'published', precise: false };
}

/** True unless both claims are dated and the dates are too far apart to be one event. */
export function datesCompatible(a: Interval | null, b: Interval | null): boolean {
  if (!a || !b) return true;
  const gap = Math.max(0, Math.max(a.start, b.start) - Math.min(a.end, b.end));
  const tolerance =
    a.anchor === 'published' || b.anchor === 'published'
      ? TOLERANCE.published
      : !a.precise && !b.precise
        ? TOLERANCE.periods
        : TOLERANCE.days;
  return gap <= tolerance;
}

/** A sort key that puts claims in time order, undated ones last. */
export const timeKey = (interval: Interval | null) => interval?.start ?? Number.MAX_SAFE_INTEGER;
