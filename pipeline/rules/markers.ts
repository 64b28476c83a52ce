import type { CompiledLexicon } from './lexicon.ts';
import { isQuote, isVerbLike, reportNounMarker } from './clauses.ts';
import { nounPhraseEnd, type Range } from './parse.ts';
import type { Token } from '../text/tokens.ts';

/** A date expression or a source found in a sentence, and where its marker word stands. */
export type Found = { range: Range; text: string; marker: number; self?: boolean };

/** The sentence text a token range covers, as written. */
export const textOf = (sentence: string, tokens: readonly Token[], range: Range) =>
  sentence.slice(tokens[range.from]!.start, tokens[range.to - 1]!.end);

export function findDates(sentence: string, tokens: readonly Token[], lex: CompiledLexicon, skip: boolean[]): Found[] {
  const found: Found[] = [];
  lex.dates.lastIndex = 0;
  for (let m = lex.dates.exec(sentence); m; m = lex.dates.exec(sentence)) {
    // A sentence's full stop is not part of "on 3 April."; "am 8. April" keeps its ordinal dot.
    const text = m[0].replace(/\.+$/u, '');
    const start = m.index;
    const end = start + text.length;
    let from = -1;
    let to = -1;
    tokens.forEach((t, i) => {
      if (t.start >= start && t.end <= end) {
        if (from < 0) from = i;
        to = i + 1;
      }
    });
    if (from < 0) continue;
    for (let i = from; i < to; i++) skip[i] = true;
    found.push({ range: { from, to }, text, marker: from });
  }
  return found;
}

/** "according to X", "volgens X", "laut X" anywhere; ", aldus X" and ", so X" closing the sentence. */
export function findSources(
  sentence: string,
  tokens: readonly Token[],
  lex: CompiledLexicon,
  skip: boolean[],
): Found[] {
  const found: Found[] = [];
  const n = tokens.length;
  /** Takes tokens `from`..`to` (marker and source) out of the clauses and records the source; returns where to go on. */
  const take = (from: number, to: number, source: Found): number => {
    for (let k = from; k < to; k++) skip[k] = true;
    found.push(source);
    return to - 1;
  };
  for (let i = 0; i < n; i++) {
    if (skip[i]) continue;
    const self = lex.selfSource.match(tokens, i);
    if (self) {
      // "nach eigenen Angaben", "naar eigen zeggen": the actor is its own source.
      i = take(i, i + self.length, { range: { from: i, to: i + self.length }, text: '', marker: i, self: true });
      continue;
    }
    const postposition = lex.sourcePostpositions.match(tokens, i);
    const named = postposition ? sourceBeforePostposition(tokens, i, lex, skip) : null;
    if (named) {
      // "Zeugen zufolge mussten …": the source stands before its marker, and is not the clause's subject.
      i = take(named.from, i + postposition!.length, {
        range: named,
        text: textOf(sentence, tokens, named),
        marker: i,
      });
      continue;
    }
    const before = lex.sourceBefore.match(tokens, i);
    const reported = before ? null : reportNounSource(tokens, i, lex);
    if (reported) {
      // "Nach einer Umfrage von Reuters sind …": the report, with whoever made it, is the source.
      if (lex.language === 'de' && i === 0) reported.to = openingSourceEnd(tokens, reported.to, n, lex);
      i = take(i, reported.to, { range: reported, text: textOf(sentence, tokens, reported), marker: i });
      continue;
    }
    const after = !before && tokens[i - 1]?.text === ',' ? lex.sourceAfter.match(tokens, i) : null;
    const marker = before ?? after;
    if (!marker) continue;
    const from = i + marker.length;
    let to = from;
    while (
      to < n &&
      // ", so der „Ermittlungsteam Nord“.": a closing source may be a name in quote marks.
      (tokens[to]!.kind !== 'punct' || isInitialDot(tokens, to) || (after !== null && isQuote(tokens[to]))) &&
      !(before && lex.language !== 'en' && to > from && isVerbLike(tokens, to, n, lex))
    )
      to++;
    // The source is a noun phrase ("einem Sprecher des Ministeriums", "Eurostat"), not the rest of the clause.
    const phrase = nounPhraseEnd(tokens, from, to, lex);
    // "…, so dass er zahlen musste": a closing source opens with a noun phrase, not a conjunction.
    if (after && phrase === from) continue;
    if (before && phrase > from)
      to = lex.language === 'de' && i === 0 ? openingSourceEnd(tokens, phrase, n, lex) : phrase;
    else if (before && lex.language !== 'en') {
      // "volgens vakblad Lloyd's List": a bare noun and the name it introduces.
      let end = from + 1;
      while (end < to && (tokens[end]!.capital || isInitialDot(tokens, end))) end++;
      to = Math.min(to, end);
    }
    // ", so der Leiter des Wetterdienstes, Jonas Krämer.": a closing source may hold its own apposition.
    if (after && to < n - 1) to = appositionEnd(tokens, to, n, lex) ?? to;
    if (to === from || (after && to < n - 1)) continue;
    i = take(i, to, { range: { from, to }, text: textOf(sentence, tokens, { from, to }), marker: i });
  }
  return found;
}

/** Words that attach a phrase to the noun before: a genitive, or a preposition of origin, field or seat. */
const ATTACHING = new Set(['des', 'der', 'von', 'vom', 'für', 'aus', 'zur', 'zum', 'mit', 'in', 'im', 'bei', 'beim']);
/** Only the genitive and "von": "sagte Ben Muster vom Naturschutzbund", not "… bei einer Pressekonferenz". */
export const OWNER_ATTACHING: ReadonlySet<string> = new Set(['des', 'der', 'von', 'vom']);

/**
 * Where a German noun phrase ending at `end` ends with what attaches to it: "des Amtes für Wasser und Boden
 * mit Sitz in Kiel", "der Wasser- und Bodenkonferenz (UNO)".
 */
export function attachmentsEnd(
  tokens: readonly Token[],
  end: number,
  limit: number,
  lex: CompiledLexicon,
  attaching: ReadonlySet<string> = ATTACHING,
): number {
  let i = end;
  for (;;) {
    const t = tokens[i];
    if (!t || i >= limit) return i;
    // "(UNO)": an abbreviation in brackets names the same body.
    if (t.text === '(' && tokens[i + 2]?.text === ')' && tokens[i + 1]!.capital) {
      i += 3;
      continue;
    }
    // "der Wasser- und Bodenkonferenz": the hyphen of a compound cut short before "und".
    if (t.text === '-' && tokens[i - 1]?.capital && lex.coordinators.has(tokens[i + 1]?.lower ?? '')) {
      i++;
      continue;
    }
    const joins = attaching.has(t.lower) || (lex.coordinators.has(t.lower) && tokens[i + 1]?.capital === true);
    const inner = t.lower === 'des' || t.lower === 'der' ? i : i + 1;
    const after = joins ? nounPhraseEnd(tokens, inner, limit, lex, false) : inner;
    if (!joins || after <= i + 1) return i;
    i = after;
  }
}

/**
 * "Nach Aussage des Amtes für Wasser und Boden mit Sitz in Kiel stieg …": a German source that opens the
 * sentence is its first constituent, so it runs over the attachments of its noun up to the finite verb. Where what
 * follows is no verb, the phrase ends where it did.
 */
function openingSourceEnd(tokens: readonly Token[], end: number, limit: number, lex: CompiledLexicon): number {
  const i = attachmentsEnd(tokens, end, limit, lex);
  const next = tokens[i];
  const beforeVerb = !next || next.kind === 'punct' || (next.kind === 'word' && !next.capital);
  return beforeVerb ? i : end;
}

/** "D. K. Arya": the dot after an initial, inside a name. */
const isInitialDot = (tokens: readonly Token[], at: number) =>
  tokens[at]?.text === '.' &&
  tokens[at - 1]?.capital === true &&
  tokens[at - 1]!.text.length === 1 &&
  tokens[at + 1]?.capital === true;

/** Where ", Jonas Krämer." ends, when a name in apposition runs from the comma at `at` to the sentence end. */
function appositionEnd(tokens: readonly Token[], at: number, n: number, lex: CompiledLexicon): number | null {
  if (tokens[at]?.text !== ',') return null;
  let end = n;
  while (end > at + 1 && tokens[end - 1]!.kind === 'punct') end--;
  const words = tokens.slice(at + 1, end);
  const name = words.length > 0 && words.length <= 4 && words.every((t) => t.kind === 'word' && t.capital);
  return name && !words.some((_, k) => isVerbLike(tokens, at + 1 + k, end, lex)) ? end : null;
}

/** The noun phrase before a postposed marker, from the start of its clause: "Angaben der Polizei zufolge". */
function sourceBeforePostposition(
  tokens: readonly Token[],
  at: number,
  lex: CompiledLexicon,
  skip: readonly boolean[],
): Range | null {
  let from = at;
  while (from > 0 && at - from < 8) {
    const t = tokens[from - 1]!;
    if (t.kind === 'punct' || skip[from - 1] || isVerbLike(tokens, from - 1, at, lex)) break;
    from--;
  }
  const opensClause = from === 0 || tokens[from - 1]!.kind === 'punct';
  return from < at && opensClause ? { from, to: at } : null;
}

/** "nach ihren Angaben", "nach einer Umfrage des ZDF": a marker whose noun phrase is headed by a report noun. */
function reportNounSource(tokens: readonly Token[], at: number, lex: CompiledLexicon): Range | null {
  const marker = reportNounMarker(tokens, at, lex);
  if (!marker) return null;
  const from = at + marker.length;
  const head = marker.head;
  const end = nounPhraseEnd(tokens, from, tokens.length, lex);
  return { from, to: Math.max(end, from + head + 1) };
}

/** A source opening or closing the sentence holds for all of it; one inside a clause, for that clause. */
export function sourceFor(clause: Range, sources: readonly Found[], length: number): string | null {
  const found = sources.find(
    (s) => !s.self && (s.marker <= 1 || s.range.to >= length - 1 || (s.marker >= clause.from && s.marker < clause.to)),
  );
  return found?.text ?? null;
}

export const inRange = (range: Range, found: Found) => found.range.from >= range.from && found.range.to <= range.to;
