import type { Modality, Polarity } from '../../schemas/claim.ts';
import type { CompiledLexicon } from './lexicon.ts';
import type { ClauseParse, Range } from './parse.ts';
import type { Token } from '../text/tokens.ts';

/** Whether the negation at `i` is part of a phrase that does not negate: "not only", "wie nie zuvor". */
function inException(tokens: readonly Token[], i: number, lex: CompiledLexicon): boolean {
  for (let start = Math.max(0, i - 3); start <= i; start++) {
    const match = lex.negationExceptions.match(tokens, start);
    if (match && start + match.length > i) return true;
  }
  return false;
}

/** Negations that stand before a noun: English says them there too ("no criminal record"), not at the verb. */
export const NEGATING_DETERMINERS: ReadonlySet<string> = new Set([
  'geen',
  'kein',
  'keine',
  'keinen',
  'keinem',
  'keiner',
  'keines',
  'no',
]);
const NOUN_NEGATIONS = new Set([...NEGATING_DETERMINERS, 'not', 'niet', 'nicht']);

/** A German participle by its shape, lowercase: a Dutch noun may look like one ("gesprekken"), a German noun has a capital. */
export const GERMAN_PARTICIPLE = /^ge\p{L}{3,}(?:t|en)$/u;

/**
 * "die Kiste enthielt alte Münzen und keine Goldbarren", "held old coins and not a single gold bar":
 * a negation opening the second of two noun phrases denies that phrase, not the clause, which stays affirmed.
 */
export function negatesConjunctOnly(tokens: readonly Token[], i: number, lex: CompiledLexicon): boolean {
  const t = tokens[i]!;
  const before = tokens[i - 1];
  const next = tokens[i + 1];
  if (!before || i < 2 || !NOUN_NEGATIONS.has(t.lower) || !lex.coordinators.has(before.lower)) return false;
  if (tokens[i - 2]!.kind === 'punct' || !next || next.kind !== 'word') return false;
  // "und keine", "en geen" stand before a noun; "and not", "und nicht" only when a determiner or number follows.
  const determinerNegation = !['not', 'niet', 'nicht'].includes(t.lower);
  return determinerNegation || lex.determiners.has(next.lower) || lex.numbers.has(next.lower);
}

/** Negated when the clause's own verb group (not a complement's) carries a negation. */
export function polarityOf(
  parse: ClauseParse,
  tokens: readonly Token[],
  lex: CompiledLexicon,
  action: readonly number[] = parse.action,
): Polarity {
  const verbAt = parse.verb?.index ?? parse.finite ?? parse.clause.from;
  // "advise users not to use Zoom": for advice and demands the negated complement is the claim.
  const governs = parse.verb?.verb.modality === 'advised' || parse.verb?.verb.modality === 'demanded';
  for (const i of action) {
    const t = tokens[i]!;
    // A negation inside a complement ("zolang de problemen niet zijn opgelost") is not this clause's.
    if (i > verbAt && lex.subordinators.has(t.lower)) break;
    // In English the negation stands in the verb group: "told staff not to use" negates the use, not the telling.
    // Right after a finite auxiliary the negation is the verb group's own: "did not give", "was not the only".
    const ownNegation =
      i === verbAt + 1 &&
      (['no', 'nothing', 'none'].includes(t.lower) ||
        (lex.auxiliaries.has(tokens[verbAt]!.lower) && lex.negation.has(t.lower)));
    if (lex.language === 'en' && !governs && i > verbAt && !ownNegation) break;
    if (
      (lex.negation.has(t.lower) || t.lower.endsWith("n't")) &&
      !inException(tokens, i, lex) &&
      !negatesConjunctOnly(tokens, i, lex)
    )
      return 'negated';
  }
  return 'affirmed';
}

/** What the verb or the first modal after the subject says: planned, advised, demanded, possible or fact. */
export function modalityOf(
  parse: ClauseParse,
  actor: Range | null,
  tokens: readonly Token[],
  lex: CompiledLexicon,
): Modality {
  let best: Modality = parse.verb?.verb.modality ?? 'fact';
  const verbAt = parse.verb?.index ?? parse.finite ?? parse.clause.from;
  for (let i = parse.clause.from; i < parse.clause.to; i++) {
    if (actor && i >= actor.from && i < actor.to) continue;
    // A modal inside a complement ("onderzoeken of ze … moeten") belongs to that complement.
    // So does one in a relative clause ("de pas waarmee scholieren … konden reizen"), in English and Dutch.
    const relative =
      lex.language !== 'de' &&
      lex.relatives.has(tokens[i]!.lower) &&
      (!lex.determiners.has(tokens[i]!.lower) || relativeAfterNoun(tokens, i, lex));
    if (i > verbAt && (lex.subordinators.has(tokens[i]!.lower) || relative)) break;
    // "opened a plant in May": capitalised inside the sentence, an English "may" is the month.
    if (lex.language === 'en' && tokens[i]!.capital && i > 0) continue;
    const match = lex.modal.match(tokens, i);
    if (!match) continue;
    // "genutzt werden", "verboden worden": after a participle "werden" is the passive, not a plan.
    if (
      match.value === 'planned' &&
      lex.language !== 'en' &&
      i > parse.clause.from &&
      isParticipleBefore(tokens[i - 1]!, lex)
    )
      continue;
    // The first modal after the subject governs the clause: "might have to" is possible, not demanded.
    if (best === 'fact') best = match.value;
    i += match.length - 1;
  }
  // "darf … nicht", "mag … niet": a permission denied is a prohibition, even with words between.
  if (
    best !== 'demanded' &&
    PERMISSION[lex.language]?.some((w) => clauseHas(parse, tokens, w)) &&
    [...range(parse)].some((i) => lex.negation.has(tokens[i]!.lower))
  )
    return 'demanded';
  return best;
}

/**
 * "een oude man die naar de dokter moest": a Dutch "die" after a noun opens a relative clause; after a preposition,
 * an article or a verb ("met die auto", "zag die man") it is a determiner.
 */
function relativeAfterNoun(tokens: readonly Token[], i: number, lex: CompiledLexicon): boolean {
  const before = tokens[i - 1];
  if (lex.language !== 'nl' || tokens[i]!.lower !== 'die' || !before || before.kind !== 'word') return false;
  return (
    !lex.prepositions.has(before.lower) &&
    !lex.determiners.has(before.lower) &&
    !lex.auxiliaries.has(before.lower) &&
    !lex.verbs.has(before.lower)
  );
}

const PERMISSION: Partial<Record<CompiledLexicon['language'], string[]>> = {
  de: ['darf', 'dürfen', 'durfte', 'durften', 'dürfe'],
  nl: ['mag', 'mogen', 'mocht', 'mochten'],
};
const range = function* (parse: ClauseParse) {
  for (let i = parse.clause.from; i < parse.clause.to; i++) yield i;
};
const clauseHas = (parse: ClauseParse, tokens: readonly Token[], word: string) =>
  [...range(parse)].some((i) => tokens[i]!.lower === word);
const isParticipleBefore = (token: Token, lex: CompiledLexicon) =>
  token.kind === 'word' &&
  !token.capital &&
  /^(?:ge|be|er|ver|ent|zer|ont|her)\p{L}+(?:t|en|d)$/u.test(token.lower) &&
  !lex.auxiliaries.has(token.lower);
