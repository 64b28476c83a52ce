import type { EntityMention } from './actors.ts';
import type { Lexicons } from './lexicons.ts';
import { stem } from '../text/stem.ts';
import { fold } from '../text/words.ts';

/**
 * What tells one actor or object from another of the same kind: proper names ("the mayor of
 * Utrecht" / "of Leiden", "Bezirk Mitte" / "Bezirk Pankow") and numbered labels ("district 3",
 * "Line 5", "Flight KL 642", "Article 13"). Numbers that count (a budget of 7 million) are values,
 * not labels: reports of one fact may disagree on them.
 */
export type Identity = {
  /**
   * The last word of each run of names, stemmed ("Christian Lindner" → lindner, "Bezirk Mitte"
   * → mitte): the word that tells one of a kind from another.
   */
  finals: string[];
  /** Numbered labels as `head#number`. */
  labels: string[];
};

/**
 * A text as words: folded (as every dedup signal compares them), whether each was written with a
 * capital or starts a sentence, and where it stands in the text. Read once per text: the
 * features and the identity share it.
 */
export type Words = { text: string; words: string[]; starts: number[]; capital: boolean[]; initial: boolean[] };

const WORD = /[\p{L}\p{N}]+/gu;
/** The same, for exec: one compiled pattern, its position reset on each use. */
const SCAN = /[\p{L}\p{N}]+/gu;
/** Texts in plain ASCII need no normalising. */
const NON_ASCII = /[^\x00-\x7f]/;
const DIGITS = /^\d+$/;
/** Letters and digits in one word (KL642, G7, A380): a code that names one thing. */
const CODE = /^\p{L}+\d[\p{L}\d]*$/u;
const SENTENCE_ENDS = new Set(['.', '!', '?', ':', ';', '"', '“', '„']);
const isSpace = (char: string) => char === ' ' || char === '\n' || char === '\t' || char === '\r' || char === '\u00a0';
const isCapital = (char: string) => char !== char.toLowerCase();

export function readWords(text: string): Words {
  const raw = NON_ASCII.test(text) ? text.normalize('NFC') : text;
  const result: Words = { text: raw, words: [], starts: [], capital: [], initial: [] };
  const pattern = SCAN;
  pattern.lastIndex = 0;
  let last = 0;
  for (let match = pattern.exec(raw); match; match = pattern.exec(raw)) {
    let before = match.index - 1;
    while (before >= last && isSpace(raw[before]!)) before -= 1;
    result.initial.push(result.words.length === 0 || (before >= last && SENTENCE_ENDS.has(raw[before]!)));
    result.capital.push(isCapital(match[0][0]!));
    result.starts.push(match.index);
    result.words.push(match[0]);
    last = match.index + match[0].length;
  }
  // Folding the whole text at once is much cheaper than word by word; it keeps the words apart
  // unless a character folds into a separator, where each word is folded on its own.
  const folded = NON_ASCII.test(raw) ? (fold(raw).match(WORD) ?? []) : (raw.toLowerCase().match(WORD) ?? []);
  result.words = folded.length === result.words.length ? folded : result.words.map(fold);
  return result;
}

/** What stands between word `index - 1` and word `index` (after the last word: the rest of the text). */
export function gapBefore(text: Words, index: number): string {
  const end = index > 0 ? text.starts[index - 1]! + text.words[index - 1]!.length : 0;
  return text.text.slice(end, text.starts[index] ?? text.text.length);
}

/**
 * Per folded word: how much more often it is written with a capital than without, where no
 * sentence starts. It tells a sentence's first word that is a name ("Pankow approved") from one
 * that is not ("Researchers found"), from how the other claims write it.
 */
export type CapitalProfile = Map<string, number>;

export function addToProfile(profile: CapitalProfile, text: string): void {
  const pattern = SCAN;
  pattern.lastIndex = 0;
  let last = 0;
  let first = true;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const word = match[0];
    let before = match.index - 1;
    while (before >= last && isSpace(text[before]!)) before -= 1;
    const initial = first || (before >= last && SENTENCE_ENDS.has(text[before]!));
    first = false;
    last = match.index + word.length;
    if (initial || isNumber(word)) continue;
    // Folded as readWords folds (plain ASCII only needs lower case).
    const key = NON_ASCII.test(word) ? fold(word.normalize('NFC')) : word.toLowerCase();
    profile.set(key, (profile.get(key) ?? 0) + (isCapital(word[0]!) ? 1 : -1));
  }
}

const isNumber = (word: string) => /^\d/.test(word);
export const isVerb = (word: string, lexicons: Lexicons) =>
  /ed$/.test(word) || (['en', 'nl', 'de'] as const).some((language) => lexicons.verbForms[language].has(word));

/** Whether the number at `index` names something (district 3) rather than counts it (7 million, 5.9). */
function isLabel(text: Words, index: number, lexicons: Lexicons): boolean {
  const word = text.words[index]!;
  const head = text.words[index - 1];
  if (head === undefined || !DIGITS.test(word) || !/^[\s\-–#]*$/.test(gapBefore(text, index))) return false;
  const next = text.words[index + 1];
  const nextGap = gapBefore(text, index + 1);
  // 5 %, 7 €: a unit written as a sign.
  if (/^\s*[%‰€$£¥]/.test(nextGap)) return false;
  // 7.5 and 18,000 are one figure.
  if (next !== undefined && /^[.,]$/.test(nextGap) && DIGITS.test(next)) return false;
  if (isNumber(head) || head.length < 2 || lexicons.notLabelAfter.has(head) || isVerb(head, lexicons)) return false;
  // A label ends its noun phrase ("district 3 approved", "Line 5 will", "Article 13."); a count
  // goes on to what it counts ("523 protesters", "7 million").
  if (next === undefined || /[.,;:!?()]/.test(nextGap)) return true;
  return !lexicons.quantityUnits.has(next) && (lexicons.notLabelAfter.has(next) || isVerb(next, lexicons));
}

/** Names and labels of a text, with the index of the word each ends at. */
export type PlacedIdentity = Identity & { finalAt: number[]; labelAt: number[] };

/**
 * Names and labels of a text. Where every noun has a capital (German), `capitals: 'profiled'`
 * counts a capitalised word as a name only when other texts write it with a capital too, as
 * they write "Ever Given" but not "Schiffe". Words of alias-table `mentions` are entities, not names.
 */
export function identityOf(
  text: Words,
  mentions: readonly EntityMention[],
  lexicons: Lexicons,
  profile: CapitalProfile | undefined,
  capitals: 'names' | 'profiled',
): PlacedIdentity {
  const { words } = text;
  const identity: PlacedIdentity = { finals: [], labels: [], finalAt: [], labelAt: [] };
  const heads: number[] = [];
  for (let i = 1; i < words.length; i += 1) {
    if (!isLabel(text, i, lexicons)) continue;
    heads.push(i - 1);
    identity.labels.push(`${stem(words[i - 1]!, 'en')}#${String(Number(words[i]))}`);
    identity.labelAt.push(i);
  }
  // Runs of names, each ended by a word that is not one; the last word of a run is its final.
  let run = -1;
  for (let i = 0; i <= words.length; i += 1) {
    if (i < words.length && isName(text, i, mentions, heads, lexicons, profile, capitals)) {
      run = i;
      continue;
    }
    if (run >= 0) {
      identity.finals.push(stem(words[run]!, 'en'));
      identity.finalAt.push(run);
    }
    run = -1;
  }
  return identity;
}

function isName(
  text: Words,
  i: number,
  mentions: readonly EntityMention[],
  heads: readonly number[],
  lexicons: Lexicons,
  profile: CapitalProfile | undefined,
  capitals: 'names' | 'profiled',
): boolean {
  const word = text.words[i]!;
  if (CODE.test(word)) return true;
  if (!text.capital[i] || word.length < 2 || isNumber(word) || heads.includes(i)) return false;
  if (mentions.some((mention) => mention.start <= i && i < mention.end)) return false;
  if (lexicons.notLabelAfter.has(word) || lexicons.quantityUnits.has(word)) return false;
  return (!text.initial[i] && capitals === 'names') || (profile?.get(word) ?? 0) > 0;
}

/** The names and labels among the first `end` words (a statement's subject). */
export function identityBefore(identity: PlacedIdentity, end: number): Identity {
  return {
    finals: identity.finals.filter((_, i) => identity.finalAt[i]! < end),
    labels: identity.labels.filter((_, i) => identity.labelAt[i]! < end),
  };
}

/** One name written two ways: an inflection (Utrechts), a transliteration a letter apart (Moskau, Moskou). */
export function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter >= 4 && (a.startsWith(b) || b.startsWith(a))) return true;
  return shorter >= 5 && Math.abs(a.length - b.length) <= 1 && editDistanceAtMostOne(a, b);
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i += 1;
      j += 1;
      continue;
    }
    edits += 1;
    if (edits > 1) return false;
    if (a.length > b.length) i += 1;
    else if (b.length > a.length) j += 1;
    else {
      i += 1;
      j += 1;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * Who an actor is, as keys: its entities (`@taiwan`), name finals (lindner) and label numbers
 * (`#3`). Two actors that are each identified and share no key are two actors: the mayor of
 * Leipzig is not the council of district 7.
 */
export function identityKeys(named: Iterable<string>, identity: Identity): string[] {
  return [
    ...[...named].map((id) => `@${id}`),
    ...identity.finals,
    ...identity.labels.map((label) => `#${numberOf(label)}`),
  ];
}

const isFinal = (key: string) => key[0] !== '@' && key[0] !== '#';
export const finalsOf = (keys: readonly string[]) => keys.filter(isFinal);
export const numbersOf = (keys: readonly string[]) => keys.filter((key) => key[0] === '#');

const sameKey = (x: string, y: string) => x === y || (isFinal(x) && isFinal(y) && sameName(x, y));

export const identitiesShare = (a: readonly string[], b: readonly string[]) =>
  a.some((x) => b.some((y) => sameKey(x, y)));

/** What a claim says of who is involved: its actor's and subject's keys, and its context. */
export type Identified = { actorKeys: readonly string[]; subjectKeys: readonly string[]; context: Context };

/** Whether a claim names `key` anywhere: as its actor, in its subject, or in its statement. */
function mentions(claim: Identified, key: string): boolean {
  if (key[0] === '#')
    return claim.actorKeys.includes(key) || claim.context.labels.some((label) => `#${numberOf(label)}` === key);
  return (
    claim.actorKeys.some((own) => sameKey(own, key)) ||
    claim.subjectKeys.some((own) => sameKey(own, key)) ||
    claim.context.ids.some((own) => sameKey(own, key))
  );
}

/**
 * Two identified actors that are two: neither claim names anything the other's actor is. An
 * extractor that takes another subject from one sentence in another language ("das FBI",
 * "het Congres") does not clash, since each statement names both.
 */
export function actorsClash(a: Identified, keysA: readonly string[], b: Identified, keysB: readonly string[]): boolean {
  return (
    keysA.length > 0 &&
    keysB.length > 0 &&
    !keysA.some((key) => mentions(b, key)) &&
    !keysB.some((key) => mentions(a, key))
  );
}

const numberOf = (label: string) => label.slice(label.indexOf('#') + 1);
const headOf = (label: string) => label.slice(0, label.indexOf('#'));

/** Both number the same kind of thing (district), never with the same number. */
export function labelsClash(a: readonly string[], b: readonly string[]): boolean {
  if (!a.length || !b.length) return false;
  for (const label of a) {
    const head = headOf(label);
    const others = b.filter((other) => headOf(other) === head);
    if (
      others.length &&
      !a.some((mine) => headOf(mine) === head && others.some((other) => numberOf(other) === numberOf(mine)))
    )
      return true;
  }
  return false;
}

/** Labels share a number (stadsdeel 3 and district 3 are glosses of one place). */
export const labelsShare = (a: readonly string[], b: readonly string[]) =>
  a.some((x) => b.some((y) => numberOf(x) === numberOf(y)));

/** What places a claim: named entities (`@id`) and names it mentions, and the labels it uses. */
export type Context = { ids: readonly string[]; labels: readonly string[] };

export const EMPTY_CONTEXT: Context = { ids: [], labels: [] };

/**
 * Where two claims' contexts place them: together when they share something that identifies
 * (an entity, a name, a label's number) and label nothing differently ("the money" of district
 * 3 is not the money of district 5); apart when they label differently or share nothing; unknown
 * when one of them says nothing at all.
 */
export function placement(
  ownA: Context,
  articleA: Context,
  ownB: Context,
  articleB: Context,
): 'together' | 'apart' | 'unknown' {
  let shared = false;
  for (const x of [ownA, articleA]) {
    for (const y of [ownB, articleB]) {
      if (labelsClash(x.labels, y.labels)) return 'apart';
      shared ||= labelsShare(x.labels, y.labels) || x.ids.some((id) => y.ids.includes(id));
    }
  }
  if (shared) return 'together';
  const silent = (own: Context, article: Context) =>
    !own.ids.length && !own.labels.length && !article.ids.length && !article.labels.length;
  return silent(ownA, articleA) || silent(ownB, articleB) ? 'unknown' : 'apart';
}
