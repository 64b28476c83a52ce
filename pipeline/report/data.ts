import type { ClaimRow, ContradictionRow, ReportCounts } from '../../schemas/contradiction.ts';
import { headAndActor } from '../contradictions/features.ts';
import { REPORT_ORDER } from '../../schemas/contradiction.ts';

/** A page of tens of thousands of pairs helps no one: the reports show the best scored, and say where the rest are. */
export const REPORT_LIMIT = 500;

/** Everything a report shows, read from the database once: the counts over all, the items up to the limit. */
export type ReportData = { counts: ReportCounts; items: ContradictionRow[] };

/** "Dagblad, 2020-04-07", with whatever of the two is known. */
export const placeOf = (claim: ClaimRow) => [claim.outlet ?? 'unknown outlet', claim.published ?? 'undated'].join(', ');

/**
 * "7 April (2020-04-07)", "April (2020-04-01 to 2020-04-30)": the date as written and the range it was read as; null
 * when undated.
 */
export function dateOf(claim: ClaimRow): string | null {
  if (!claim.date) return null;
  const range = claim.date_start
    ? ` (${claim.date_start}${claim.date_end && claim.date_end !== claim.date_start ? ` to ${claim.date_end}` : ''})`
    : '';
  return `${claim.date}${range}`;
}

export const languagesOf = (item: ContradictionRow) => [...new Set([item.a.language, item.b.language])].sort();

export const summaryLine = (counts: ReportCounts) =>
  `${counts.contradictions} contradiction${counts.contradictions === 1 ? '' : 's'} among ${counts.claims} claims from ${counts.articles} articles (${counts.clusters} clusters).${heldLine(counts)}`;

/** What the report leaves out on purpose, and where it is: a reader should know less is shown than was found. */
const heldLine = (counts: ReportCounts) =>
  counts.held > 0
    ? ` ${counts.held} weaker finding${counts.held === 1 ? ' was' : 's were'} held back by the strict checks (translations, one voice, different subjects…): see v_contradiction_candidates.`
    : '';

export const countList = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([key, n]) => `${key} ${n}`)
    .join(', ') || 'none';

/** The query that lists what the report leaves out, in the report's order. */
export const restQuery = (shown: number) =>
  `SELECT * FROM v_contradictions ORDER BY ${REPORT_ORDER} LIMIT -1 OFFSET ${shown}`;

/** When the report shows only the best scored: how many more there are and how to see them; null when it shows all. */
export function moreLine(data: ReportData): { text: string; command: string } | null {
  const more = data.counts.contradictions - data.items.length;
  if (more <= 0) return null;
  return {
    text: `Showing the ${data.items.length} highest-scoring of ${data.counts.contradictions} contradictions; ${more} more are in the database. To see them all:`,
    command: `npm run query -- --out <this folder> --sql "${restQuery(data.items.length)}"`,
  };
}

/** How many claims a side stands for, when it stands for more than itself. */
export const supportOf = (n: number) => (n > 1 ? `one of ${n} claims on this side` : null);

/** What two contradicting claims have in common and where they part, in a reader's words. */
export type SharedGround = { subject: string | null; predicate: string | null; differs: string[] };

/**
 * Reads both English statements the way the contradiction rules do (actor words, then the action
 * head), so the card says why the pair was compared: same subject, same or opposite predicate.
 * The fields that differ are listed beside the explanation, which says how the claims disagree.
 */
export function sharedGround(a: ClaimRow, b: ClaimRow): SharedGround {
  const left = headAndActor(a.statement_en);
  const right = headAndActor(b.statement_en);
  const common = left.actor.filter((word) => right.actor.includes(word));
  const subject = common.length > 0 ? common.join(' ') : null;
  const predicate =
    left.head && right.head
      ? left.head === right.head
        ? left.head
        : `${left.head} / ${right.head}`
      : (left.head ?? right.head);
  const differs: string[] = [];
  const field = (name: string, x: string | null, y: string | null) => {
    if ((x ?? '') !== (y ?? '')) differs.push(`${name}: ${x ?? '—'} vs ${y ?? '—'}`);
  };
  field('polarity', a.polarity, b.polarity);
  field('modality', a.modality, b.modality);
  field('date', dateOf(a), dateOf(b));
  field('source', a.source, b.source);
  return { subject, predicate, differs };
}

/**
 * The claim in English as a reader should take it: a word-by-word gloss says so, so nobody reads it as a translation.
 */
export const englishOf = (claim: Pick<ClaimRow, 'statement_en' | 'statement_origin'>) =>
  claim.statement_origin === 'gloss' ? `(gloss) ${claim.statement_en}` : claim.statement_en;

const WORD = /\p{L}[\p{L}\p{N}'’-]*/gu;

/**
 * A gloss in pieces, each word marked when the quote has it as written: a name, or a word the gloss
 * lexicon does not know and kept rather than guessed. A reader sees which words were not translated.
 */
export function glossPieces(statementEn: string, quote: string): { text: string; asWritten: boolean }[] {
  const quoted = new Set(Array.from(quote.matchAll(WORD), (match) => match[0].toLowerCase()));
  const pieces: { text: string; asWritten: boolean }[] = [];
  let last = 0;
  for (const match of statementEn.matchAll(WORD)) {
    const word = match[0];
    // Short words ("in", "is") are spelt alike in English and Dutch or German: no sign of anything kept.
    if (word.length < 3 || !quoted.has(word.toLowerCase())) continue;
    if (match.index > last) pieces.push({ text: statementEn.slice(last, match.index), asWritten: false });
    pieces.push({ text: word, asWritten: true });
    last = match.index + word.length;
  }
  if (last < statementEn.length) pieces.push({ text: statementEn.slice(last), asWritten: false });
  return pieces;
}
