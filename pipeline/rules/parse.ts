import type { Clause, VerbHit } from './clauses.ts';
import {
  DUTCH_UNINFLECTED,
  isDutchAdjective,
  isQuote,
  isVerbLike,
  mayBeFinite,
  shapedVerb,
  verbAt,
} from './clauses.ts';
import type { CompiledLexicon } from './lexicon.ts';
import type { Token } from '../text/tokens.ts';

/** Token ranges are [from, to) into the sentence's tokens. */
export type Range = { from: number; to: number };

/** What a clause says: who (actor), the claim verb, and the tokens of the verb phrase with its object. */
export type ClauseParse = {
  clause: Clause;
  verb: VerbHit | null;
  /** The first verb of the clause: auxiliary, modal or the claim verb itself. */
  finite: number | null;
  actor: Range | null;
  /** Tokens of the verb phrase, in text order, without the actor. */
  action: number[];
};

const ENGLISH_ADVERB = /ly$/;
/** A Dutch past tense: "maakte", "bouwden". */
export const PAST_TENSE_NL = /^\p{L}{2,}(?:de|te|den|ten)$/u;

const isNumber = (token: Token, lex: CompiledLexicon) => token.kind === 'number' || lex.numbers.has(token.lower);

/** Where a noun phrase starting at `at` ends: "het Taiwanese kabinet", "die Regierung in Taipeh", "Eric Yuan". */
export function nounPhraseEnd(
  tokens: readonly Token[],
  at: number,
  end: number,
  lex: CompiledLexicon,
  attach = true,
): number {
  const quantifier = lex.quantifiers.match(tokens, at);
  // "ruim 50 miljoen kaartjes", "mehr als 280 Schiffe": the quantifier belongs to the phrase.
  const counted = quantifier ? tokens[at + quantifier.length] : undefined;
  const start = counted && (counted.kind === 'number' || lex.numbers.has(counted.lower)) ? at + quantifier!.length : at;
  const first = tokens[start];
  if (!first || first.kind === 'punct') return at;
  if (lex.pronouns.has(first.lower) && !lex.determiners.has(first.lower)) return at + 1;
  let i = start;
  const stop = (k: number) => {
    const t = tokens[k];
    return (
      !t ||
      t.kind === 'punct' ||
      lex.prepositions.has(t.lower) ||
      lex.negation.has(t.lower) ||
      lex.coordinators.has(t.lower) ||
      lex.subordinators.has(t.lower) ||
      isVerbLike(tokens, k, end, lex) ||
      lex.fronted.has(t.lower)
    );
  };
  // German "ein", "eine" are numbers and articles: as an article they open a phrase with its adjectives ("eine
  // doppelte Ansteckung"); read as a number, the phrase ended at the first lowercase word.
  const germanArticle = lex.language === 'de' && lex.determiners.has(first.lower);
  if ((first.kind === 'number' || lex.numbers.has(first.lower)) && !germanArticle) {
    i++;
    // "50 miljoen kaartjes", "18,000 containers", "30.000 Kubikmeter Sand" (German nouns are capitalised).
    while (
      i < end &&
      i < start + 3 &&
      tokens[i]!.kind === 'word' &&
      !stop(i) &&
      !lex.determiners.has(tokens[i]!.lower) &&
      (lex.language !== 'de' || tokens[i]!.capital)
    )
      i++;
  } else if (lex.determiners.has(first.lower)) {
    i++;
    if (lex.language === 'de') {
      // German nouns are capitalised: the phrase runs to its first capitalised word.
      while (i < end && i < at + 5 && !tokens[i]!.capital && !stop(i) && !lex.determiners.has(tokens[i]!.lower)) i++;
      if (i < end && tokens[i]!.capital) i++;
    } else {
      // Dutch and English: adjectives ("Taiwanese", "nieuwe", "overgebleven", "willekeurig", "digital") then one head
      // word; an uninflected Dutch adjective after the head is an adverb ("de politie waarschijnlijk").
      while (
        i < end - 1 &&
        i < at + 4 &&
        !stop(i) &&
        !lex.determiners.has(tokens[i]!.lower) &&
        !stop(i + 1) &&
        !lex.determiners.has(tokens[i + 1]!.lower) &&
        // "sloot de gemeente drie scholen": a number after the head opens the next phrase.
        !isNumber(tokens[i + 1]!, lex) &&
        (lex.language === 'en' || isDutchAdjective(tokens[i]!.lower))
      )
        i++;
      const adverb = lex.language === 'nl' && i > start + 1 && DUTCH_UNINFLECTED.test(tokens[i]?.lower ?? '');
      if (i < end && !stop(i) && !lex.determiners.has(tokens[i]!.lower) && !adverb) i++;
    }
  }
  // A name: a run of capitalised words. After a German noun only a name of two words or more
  // continues the phrase ("das Containerschiff Ever Given"); one word is the next phrase ("die Regierung Zoom").
  const afterGermanNoun = lex.language === 'de' && i > start;
  const closes = (k: number) => k >= end || tokens[k]!.kind === 'punct' || lex.prepositions.has(tokens[k]!.lower);
  if (!afterGermanNoun || (tokens[i]?.capital && ((tokens[i + 1]?.capital && !stop(i + 1)) || closes(i + 1)))) {
    for (;;) {
      while (i < end && tokens[i]!.capital && !stop(i) && !(lex.determiners.has(tokens[i]!.lower) && i > at)) {
        i++;
        i = afterNameParticles(tokens, i, end, lex);
      }
      // "Dr. Moll", "J. Alan Pike": the dot of a title or an initial stays inside the name.
      const dotted =
        i > start &&
        tokens[i]?.text === '.' &&
        tokens[i - 1]!.capital &&
        tokens[i - 1]!.text.length <= 3 &&
        tokens[i + 1]?.capital &&
        i + 1 < end;
      if (!dotted) break;
      i++;
    }
    // "HomeLink 5 in Arnhem": a number right after a name, closing the phrase, belongs to the name.
    if (
      i > start &&
      tokens[i - 1]!.capital &&
      tokens[i]?.kind === 'number' &&
      (i + 1 >= end || tokens[i + 1]!.kind === 'punct' || lex.prepositions.has(tokens[i + 1]!.lower))
    )
      i++;
  }
  // "Japan's nuclear agency": after a possessive name the phrase goes on to its own head noun.
  if (lex.language === 'en' && i > start && /'s$/.test(tokens[i - 1]!.lower)) {
    const owner = i;
    const open = (k: number) => !stop(k) && !lex.determiners.has(tokens[k]!.lower);
    while (i < end - 1 && i < owner + 3 && open(i) && open(i + 1)) i++;
    if (i < end && open(i)) i++;
  }
  if (i === start) return at;
  if (!attach) return i;
  // One genitive attachment: "van de regering", "des Ministeriums", "of the company".
  const link = tokens[i]?.lower;
  if (link && ['van', 'von', 'of', 'des', 'der'].includes(link) && i + 1 < end) {
    const inner = lex.language === 'de' && (link === 'des' || link === 'der') ? i : i + 1;
    const after = nounPhraseEnd(tokens, inner, end, lex, false);
    if (after > inner) return after;
  }
  return i;
}

const NAME_PARTICLES = new Set(['de', 'van', 'der', 'den', 'ter', 'ten', 'te', 'het']);

/** "Anna de Wit", "Jan van der Berg": particles inside a Dutch or English name, when a capital follows them. */
function afterNameParticles(tokens: readonly Token[], at: number, end: number, lex: CompiledLexicon): number {
  if (lex.language === 'de') return at;
  let k = at;
  while (k < end && k < at + 3 && NAME_PARTICLES.has(tokens[k]!.text)) k++;
  if (k === at || k >= end || !tokens[k]!.capital || tokens[k]!.kind !== 'word') return at;
  // "stuurde Rutte de Kamer een brief": a bare "de" joins a name only when the name ends there.
  const after = tokens[k + 1];
  const closes =
    !after ||
    k + 1 >= end ||
    after.kind === 'punct' ||
    lex.prepositions.has(after.lower) ||
    isVerbLike(tokens, k + 1, end, lex);
  return closes || !['de', 'het', 'te'].includes(tokens[at]!.text) ? k : at;
}

/** Drops leading quote marks and trailing commas from an actor range. */
function tidy(tokens: readonly Token[], range: Range, skip: readonly boolean[] = []): Range | null {
  let { from, to } = range;
  while (from < to && (tokens[from]!.kind === 'punct' || skip[from])) from++;
  while (to > from && (tokens[to - 1]!.kind === 'punct' || skip[to - 1])) to--;
  return to > from ? { from, to } : null;
}

/** An English subject: what stands before the verb group, without fronted adverbials and long appositions. */
function englishActor(
  tokens: readonly Token[],
  from: number,
  to: number,
  skip: readonly boolean[],
  lex: CompiledLexicon,
): Range | null {
  let start = from;
  while (
    start < to &&
    (skip[start] ||
      lex.fronted.has(tokens[start]!.lower) ||
      lex.subordinators.has(tokens[start]!.lower) ||
      lex.coordinators.has(tokens[start]!.lower))
  )
    start++;
  // "By this morning more than 150 ships …": a preposition before a date is an adverbial, not the subject.
  if (lex.prepositions.has(tokens[start]?.lower ?? '') && skip[start + 1]) {
    start++;
    while (start < to && skip[start]) start++;
  }
  // "On Monday, X …", "In February, X …": the part up to the comma is not the subject.
  const first = tokens[start];
  if (first && (lex.prepositions.has(first.lower) || lex.subordinators.has(first.lower))) {
    let k = start;
    while (k < to && tokens[k]!.text !== ',') k++;
    if (k < to) start = k + 1;
    // "In the city the council closed …": without a comma the prepositional phrase ends where its noun phrase does,
    // and the subject follows it; with nothing after it ("Among the victims were …") there is no subject before the verb.
    // "About 300 lorries", "Over 50 schools": before a number the word counts, it opens no phrase.
    else if (lex.prepositions.has(first.lower) && !isNumber(tokens[start + 1] ?? first, lex)) {
      const end = nounPhraseEnd(tokens, start + 1, to, lex);
      if (end <= start + 1) return null;
      start = end;
    }
  }
  let range = tidy(tokens, { from: start, to }, skip);
  if (!range) return null;
  // A verb inside the would-be subject means an earlier clause ran on without a comma
  // ("422 ships were waiting … when the vessel was refloated"): keep the phrase after its last verb or conjunction.
  for (let k = range.to - 1; k > range.from; k--) {
    const t = tokens[k]!;
    if (lex.auxiliaries.has(t.lower) || (lex.subordinators.has(t.lower) && t.lower !== 'that')) {
      range = tidy(tokens, { from: k + 1, to: range.to }, skip);
      if (!range) return null;
      break;
    }
  }
  // "Dr. Jane Roe, professor of medicine at …, cautioned": keep the name before a long apposition.
  const comma = tokens.slice(range.from, range.to).findIndex((t) => t.text === ',');
  if (comma > 0 && range.to - range.from > 6) range = tidy(tokens, { from: range.from, to: range.from + comma })!;
  return holdsVerbGroup(tokens, range, lex) ? null : range;
}

const EMBEDDED_QUESTION = new Set(['how', 'why', 'what', 'whether']);

/**
 * "The council also hopes to build a bridge to help villages", "Engineers want to learn how bridges age": a
 * verb the lexicon does not know ran on into the subject. An adverb before a lowercase word, or an embedded question,
 * inside a would-be subject gives it away; such a clause is left out rather than given a wrong actor.
 */
function holdsVerbGroup(tokens: readonly Token[], range: Range, lex: CompiledLexicon): boolean {
  const first = tokens[range.from]!;
  // "damaged, railway service", "has an aging fleet that", "highly critical of …": the rest of a clause cut too late.
  if (!first.capital && (lex.auxiliaries.has(first.lower) || /[^e]ed$|ly$/.test(first.lower))) return true;
  // "She came to this conclusion …": a personal pronoun is a whole subject; a word after it is the verb.
  if (range.to - range.from > 1 && lex.pronouns.has(first.lower) && !lex.determiners.has(first.lower)) return true;
  for (let k = range.from + 1; k < range.to; k++) {
    const t = tokens[k]!;
    if (EMBEDDED_QUESTION.has(t.lower)) return true;
    const next = tokens[k + 1];
    if (!next || k + 1 >= range.to || next.kind !== 'word' || next.capital) continue;
    if (lex.fronted.has(t.lower)) return true;
    // "Congress began funding … and specified that the FBI", "… towards Iraq and it": a second clause.
    if (
      lex.coordinators.has(t.lower) &&
      (/[^e]ed$/.test(next.lower) || ['it', 'he', 'she', 'they', 'we'].includes(next.lower))
    )
      return true;
  }
  return false;
}

const COMPARISONS = new Set(['zoals', 'evenals']);

/** The first-position constituent in a verb-second clause is the subject unless it is an adverbial. */
function isSubjectPrefield(
  tokens: readonly Token[],
  from: number,
  to: number,
  skip: readonly boolean[],
  lex: CompiledLexicon,
): boolean {
  if (to <= from) return false;
  let all = true;
  for (let i = from; i < to; i++) if (!skip[i] && tokens[i]!.kind !== 'punct') all = false;
  if (all) return false;
  // "Und in einem Spendenaufruf schrieb er": a coordinator opening the sentence is not part of the prefield.
  // German "Doch in einem Interview antwortete X": "doch" opening the sentence joins it to the one before, like "und".
  const joins = lex.coordinators.has(tokens[from]!.lower) || (lex.language === 'de' && tokens[from]!.lower === 'doch');
  const start = joins && from + 1 < to ? from + 1 : from;
  const first = tokens[start]!;
  if (skip[start]) return false;
  // "Net als bij een fiets maakt …", "Zoals verwacht won …": a comparison before the verb is an adverbial.
  const comparison =
    lex.language === 'nl' &&
    (COMPARISONS.has(first.lower) || (first.lower === 'net' && tokens[start + 1]?.lower === 'als'));
  return (
    !comparison &&
    !lex.prepositions.has(first.lower) &&
    !lex.fronted.has(first.lower) &&
    !lex.subordinators.has(first.lower)
  );
}

/**
 * "Bereits eine Steuer von 5% sei zu hoch", "Schon die Ankündigung hat …": in verb-second German
 * and Dutch only one constituent stands before the finite verb, so a focus particle followed by a
 * determiner is part of the subject, not an adverbial before it.
 */
function focusedSubject(
  tokens: readonly Token[],
  from: number,
  finite: number,
  skip: readonly boolean[],
  lex: CompiledLexicon,
): Range | null {
  if (lex.language === 'en' || finite - from < 3 || skip[from] || skip[from + 1]) return null;
  if (!lex.focusParticles.has(tokens[from]!.lower) || !lex.determiners.has(tokens[from + 1]!.lower)) return null;
  for (let i = from + 1; i < finite; i++) if (skip[i] || tokens[i]!.text === ',') return null;
  return tidy(tokens, { from: from + 1, to: finite }, skip);
}

/** "nach bisheriger Kenntnis", "nach dem Unfall": German "nach" is an adverb alone, a preposition before a phrase. */
function germanPrepositionalPhrase(tokens: readonly Token[], at: number, end: number, lex: CompiledLexicon) {
  const next = tokens[at + 1];
  if (lex.language !== 'de' || !lex.prepositions.has(tokens[at]!.lower) || !next || at + 1 >= end) return false;
  return lex.determiners.has(next.lower) || next.capital || inflectedAdjectiveBeforeNoun(tokens, at + 1, end, lex);
}

/** A lowercase German word with an adjective's ending right before a capitalised noun: "große Mengen". */
function inflectedAdjectiveBeforeNoun(tokens: readonly Token[], at: number, end: number, lex: CompiledLexicon) {
  const word = tokens[at];
  const noun = tokens[at + 1];
  if (!word || !noun || at + 1 >= end || word.kind !== 'word' || word.capital || !noun.capital) return false;
  const functionWord =
    lex.prepositions.has(word.lower) ||
    lex.auxiliaries.has(word.lower) ||
    lex.negation.has(word.lower) ||
    lex.fronted.has(word.lower) ||
    lex.pronouns.has(word.lower) ||
    lex.focusParticles.has(word.lower);
  return !functionWord && /[^e](e|en|er|es|em)$/u.test(word.lower) && !isVerbLike(tokens, at, end, lex);
}

/** Subject after the finite verb ("Am Dienstag verbot die Regierung …"), skipping reflexives and "er". */
function subjectAfter(
  tokens: readonly Token[],
  finite: number,
  end: number,
  skip: readonly boolean[],
  lex: CompiledLexicon,
): Range | null {
  let at = finite + 1;
  for (let round = 0; round < 3; round++) {
    while (
      at < end &&
      (skip[at] ||
        ['zich', 'sich', 'es', 'ook', 'auch', 'nu', 'nun'].includes(tokens[at]!.lower) ||
        // Dutch "er" is an expletive ("werd er …"); German "er" is the subject ("sagte er").
        (lex.language === 'nl' && tokens[at]!.lower === 'er') ||
        (lex.fronted.has(tokens[at]!.lower) && !germanPrepositionalPhrase(tokens, at, end, lex)))
    )
      at++;
    // "wurden in den drei Monaten rund 52 Millionen Tickets verkauft": step over a prepositional phrase.
    if (at < end && lex.prepositions.has(tokens[at]!.lower)) {
      // "ist nach derzeitiger Kenntnis ein Treffer …": in German the phrase may open with an adjective.
      const adjective = lex.language === 'de' && inflectedAdjectiveBeforeNoun(tokens, at + 1, end, lex);
      const after = nounPhraseEnd(tokens, adjective ? at + 2 : at + 1, end, lex, false);
      if (after > at + 1) {
        at = after;
        continue;
      }
    }
    break;
  }
  let stop = nounPhraseEnd(tokens, at, end, lex);
  // "mussten ausgelaufene Öle abgepumpt werden": a German inflected adjective before a noun, with no article.
  if (lex.language === 'de' && stop === at && inflectedAdjectiveBeforeNoun(tokens, at, end, lex))
    stop = nounPhraseEnd(tokens, at + 1, end, lex);
  if (lex.language !== 'nl') return stop > at ? { from: at, to: stop } : null;
  // "troffen agenten het lichaam aan": a bare plural is a whole subject when an article or a number follows it.
  const bare = tokens[at];
  const after = tokens[at + 1];
  if (
    stop === at &&
    bare &&
    mayBeFinite(bare, lex) &&
    after &&
    (lex.determiners.has(after.lower) || after.kind === 'number')
  )
    stop = at + 1;
  // "presenteerde Anna Bos, de directeur van Veerlijn, het schip": the apposition between commas is the subject's.
  if (stop > at && tokens[stop]?.text === ',' && lex.determiners.has(tokens[stop + 1]?.lower ?? '')) {
    const apposition = nounPhraseEnd(tokens, stop + 1, end, lex);
    if (apposition > stop + 2 && tokens[apposition]?.text === ',') stop = apposition;
  }
  return stop > at ? { from: at, to: stop } : null;
}

/** The verb phrase around a subject after the verb, without the comma that closed the subject's apposition. */
function actionAround(
  tokens: readonly Token[],
  from: number,
  to: number,
  actor: Range | null,
  skip: readonly boolean[],
) {
  return range(from, to, actor, skip).filter((i) => !(actor && i === actor.to && tokens[i]!.text === ','));
}

/** The word after a Dutch main clause's fronted date, adverb or source, when that word can be its finite verb. */
function afterFrontedAdverbial(
  tokens: readonly Token[],
  from: number,
  to: number,
  skip: readonly boolean[],
  lex: CompiledLexicon,
): number | null {
  if (lex.language !== 'nl') return null;
  let k = from;
  while (k < to && (skip[k] || isQuote(tokens[k]) || lex.fronted.has(tokens[k]!.lower))) k++;
  const word = tokens[k];
  if (k === from || k >= to || !word) return null;
  return mayBeFinite(word, lex) && !/^on(?!t|der)/u.test(word.lower) ? k : null;
}

/** Dutch subject pronouns that are never an object. */
const DUTCH_SUBJECT_PRONOUNS = new Set(['hij', 'zij', 'wij', 'we', 'ik', 'men']);

/**
 * "… zijn vijf verdachten gearresteerd en hebben ze haar telefoon gevonden": a Dutch conjunct that opens with its verb
 * shares the subject before it, unless a subject pronoun follows the verb. "ze" may be an object ("en vonden ze"), so it
 * counts only with an object of its own after it.
 */
function coordinatedSubject(tokens: readonly Token[], finite: number, end: number, lex: CompiledLexicon): Range | null {
  const next = tokens[finite + 1];
  if (lex.language !== 'nl' || !next || finite + 1 >= end) return null;
  const after = tokens[finite + 2];
  const subject =
    DUTCH_SUBJECT_PRONOUNS.has(next.lower) ||
    (next.lower === 'ze' && after !== undefined && finite + 2 < end && lex.determiners.has(after.lower));
  return subject ? { from: finite + 1, to: finite + 2 } : null;
}

/** The token indices [from, to) outside `without` and not skipped. */
export function range(from: number, to: number, without: Range | null, skip: readonly boolean[]): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) if (!skip[i] && !(without && i >= without.from && i < without.to)) out.push(i);
  return out;
}

function hasLaterVerb(
  tokens: readonly Token[],
  from: number,
  to: number,
  skip: readonly boolean[],
  lex: CompiledLexicon,
): boolean {
  for (let i = from; i < to; i++)
    if (!skip[i] && tokens[i - 1]?.lower !== 'to' && verbAt(tokens, i, to, lex)) return true;
  return false;
}

/**
 * "Twelve schools located near the river were closed": an English participle right after a noun and before a
 * preposition, with the clause's own verb group still to come, describes the noun; it is not the clause's verb.
 */
function reducedRelative(tokens: readonly Token[], i: number, to: number, lex: CompiledLexicon): boolean {
  const token = tokens[i]!;
  const previous = tokens[i - 1];
  if (lex.language !== 'en' || !token.lower.endsWith('ed') || !previous || previous.kind !== 'word') return false;
  if (
    lex.auxiliaries.has(previous.lower) ||
    lex.negation.has(previous.lower) ||
    lex.coordinators.has(previous.lower) ||
    lex.pronouns.has(previous.lower) ||
    lex.fronted.has(previous.lower) ||
    ENGLISH_ADVERB.test(previous.lower) ||
    previous.lower === 'to'
  )
    return false;
  if (!lex.prepositions.has(tokens[i + 1]?.lower ?? '')) return false;
  for (let k = i + 2; k < to; k++) {
    const t = tokens[k]!;
    if (
      t.kind === 'punct' ||
      lex.coordinators.has(t.lower) ||
      lex.subordinators.has(t.lower) ||
      lex.relatives.has(t.lower)
    )
      return false;
    if (lex.auxiliaries.has(t.lower) && tokens[k - 1]!.lower !== 'to') return true;
  }
  return false;
}

/** Dutch past and present singular forms: "lijkt", "zorgde", "uitte". Plurals in -den/-ten are as often nouns. */
const DUTCH_FINITE_AFTER_SUBJECT = /^[a-zëï]{2,}(?:[^aeiou]t|de|te)$/u;

/**
 * The finite verb of a Dutch main clause right after its subject noun phrase (and one prepositional phrase after it:
 * "Een tekort aan personeel leidde …"), when it stands before the first verb the lexicon knows.
 */
function dutchFiniteAfterSubject(
  tokens: readonly Token[],
  from: number,
  finite: number,
  skip: readonly boolean[],
  lex: CompiledLexicon,
): number | null {
  if (lex.language !== 'nl' || lex.pronouns.has(tokens[from]!.lower)) return null;
  let end = nounPhraseEnd(tokens, from, finite, lex);
  if (end <= from) return null;
  if (end < finite && lex.prepositions.has(tokens[end]!.lower)) {
    const after = nounPhraseEnd(tokens, end + 1, finite, lex, false);
    const bare = tokens[end + 1];
    // "aan transport": a bare noun after the preposition is a phrase of one word.
    if (after > end + 1) end = after;
    else if (bare && bare.kind === 'word' && !bare.capital && mayBeFinite(bare, lex)) end += 2;
  }
  const word = tokens[end];
  if (end >= finite || !word || skip[end] || word.kind !== 'word' || word.capital) return null;
  return DUTCH_FINITE_AFTER_SUBJECT.test(word.lower) && mayBeFinite(word, lex) ? end : null;
}

/** A Dutch main clause whose subject ends before `finite`, a verb told by its shape (or a lexicon verb there). */
function dutchShapedClause(
  tokens: readonly Token[],
  clause: Clause,
  finite: number,
  skip: readonly boolean[],
  lex: CompiledLexicon,
): ClauseParse {
  const verb = verbAt(tokens, finite, clause.to, lex) ?? {
    index: finite,
    verb: shapedVerb(tokens[finite]!, lex),
    particle: null,
  };
  const actor = tidy(tokens, { from: clause.from, to: finite }, skip);
  return { clause, verb, finite, actor, action: range(finite, clause.to, null, skip) };
}

/**
 * The subject of a clause with its verb last: a noun phrase, or in Dutch a bare plural with its numbers
 * ("dat kranen 1 en 2 zijn stilgezet"), up to the first article, preposition or verb.
 */
function verbFinalSubjectEnd(tokens: readonly Token[], at: number, anchor: number, to: number, lex: CompiledLexicon) {
  const end = nounPhraseEnd(tokens, at, to, lex);
  const first = tokens[at];
  if (end > at || lex.language !== 'nl' || !first || first.kind !== 'word' || first.capital || !mayBeFinite(first, lex))
    return end;
  let k = at + 1;
  const inList = (t: Token) =>
    t.kind === 'number' || (lex.coordinators.has(t.lower) && tokens[k + 1]?.kind === 'number');
  while (k < anchor && inList(tokens[k]!)) k++;
  return k > at + 1 && k <= anchor ? k : end;
}

/** Finds the claim verb, the subject and the verb phrase of one clause, for the word order of its language. */
export function parseClause(
  tokens: readonly Token[],
  clause: Clause,
  skip: readonly boolean[],
  lex: CompiledLexicon,
): ClauseParse {
  const { from, to } = clause;
  let verb: VerbHit | null = null;
  let finite: number | null = null;
  if (clause.kind === 'subject') return { clause, verb, finite, actor: null, action: [] };
  for (let i = from; i < to; i++) {
    if (skip[i] || isQuote(tokens[i]) || reducedRelative(tokens, i, to, lex)) continue;
    if (
      finite === null &&
      isVerbLike(tokens, i, to, lex) &&
      // "to close", "om mee te doen": a verb after the infinitive marker is not finite (English and Dutch).
      !(lex.language !== 'de' && tokens[i - 1]?.lower === lex.infinitive && i - 1 > from)
    )
      finite = i;
    if (!verb) {
      const hit = verbAt(tokens, i, to, lex);
      // "Agencies that need to hold meetings … should switch": an infinitive is not the clause's verb
      // when a finite one follows.
      if (
        hit &&
        !(lex.language === 'en' && tokens[i - 1]?.lower === 'to' && hasLaterVerb(tokens, i + 1, to, skip, lex))
      )
        verb = hit;
    }
    if (verb && finite !== null) break;
  }
  // "Vorige week gaf de rechter …", "Daarna nam de politie …": after a fronted date or adverb the Dutch finite verb
  // comes next, whatever its form.
  const second = clause.kind === 'main' ? afterFrontedAdverbial(tokens, from, to, skip, lex) : null;
  if (second !== null && (finite === null || finite > second)) {
    finite = second;
    if (!verb || verb.index < second)
      verb = verbAt(tokens, second, to, lex) ?? {
        index: second,
        verb: shapedVerb(tokens[second]!, lex),
        particle: null,
      };
  }
  // "… en maakte geen indruk": a Dutch conjunct opening with a past tense has it as its verb, known or not.
  // A later auxiliary ("…, aan wie de taart bekend was") belongs to a clause inside it.
  if (
    lex.language === 'nl' &&
    clause.kind === 'coord' &&
    finite !== from &&
    PAST_TENSE_NL.test(tokens[from]?.lower ?? '') &&
    mayBeFinite(tokens[from]!, lex) &&
    // "maakte geen …", "bouwde de …"; not "oude huizen werden …".
    (lex.determiners.has(tokens[from + 1]?.lower ?? '') || lex.negation.has(tokens[from + 1]?.lower ?? ''))
  ) {
    finite = from;
    verb = { index: from, verb: shapedVerb(tokens[from]!, lex), particle: null };
  }
  // Verb-final clauses end in their finite verb, known to the lexicon or not: "dat de brug … weer opengaat".
  if (
    finite === null &&
    lex.language !== 'en' &&
    (clause.kind === 'sub' || clause.kind === 'rel') &&
    clause.to - clause.from >= 3
  ) {
    const last = tokens[clause.to - 1]!;
    if (last.kind === 'word' && !last.capital) finite = clause.to - 1;
  }
  if (finite === null) {
    // "Een tekort aan personeel leidde tot …": a main clause whose only verb the lexicon does not know.
    const main = clause.kind === 'main' && isSubjectPrefield(tokens, from, to, skip, lex);
    const early = main ? dutchFiniteAfterSubject(tokens, from, to, skip, lex) : null;
    if (early !== null) return dutchShapedClause(tokens, clause, early, skip, lex);
    return { clause, verb, finite, actor: null, action: [] };
  }
  // Without a lexicon verb the finite auxiliary anchors the clause: "is de maatregel nodig".
  const anchor = verb ? verb.index : finite;
  if (lex.language === 'en') {
    let start = anchor;
    while (start - 1 >= from) {
      const t = tokens[start - 1]!;
      // "have long called for", "has repeatedly denied": an adverb between auxiliary and verb.
      // "were able to conclude", "is likely to approve": an adjective between auxiliary and infinitive.
      const between =
        t.kind === 'word' &&
        !t.capital &&
        lex.auxiliaries.has(tokens[start - 2]?.lower ?? '') &&
        (start === anchor || tokens[start]!.lower === 'to');
      if (between) {
        start--;
        continue;
      }
      if (!(
        skip[start - 1] ||
        lex.auxiliaries.has(t.lower) ||
        lex.negation.has(t.lower) ||
        ENGLISH_ADVERB.test(t.lower) ||
        lex.fronted.has(t.lower) ||
        t.lower === 'to'
      ))
        break;
      start--;
    }
    // "… becoming the first government to act": an infinitive or participle clause has no subject of its own.
    const infinitive = tokens[start]?.lower === 'to' && finite >= start;
    const actor =
      clause.kind === 'inf' || infinitive
        ? null
        : clause.head && start === from
          ? tidy(tokens, clause.head, skip)
          : englishActor(tokens, from, start, skip, lex);
    if (actor && tokens[actor.from]!.lower.endsWith('ing'))
      return { clause: { ...clause, kind: 'inf' }, verb, finite, actor: null, action: range(from, to, null, skip) };
    if (infinitive)
      return { clause: { ...clause, kind: 'inf' }, verb, finite, actor: null, action: range(from, to, null, skip) };
    return { clause, verb, finite, actor, action: range(start, to, null, skip) };
  }
  if (clause.kind === 'main' || clause.kind === 'coord') {
    // Verb second: the subject stands before the finite verb, or right after it when an adverbial comes first.
    if (finite === from) {
      const actor = clause.head
        ? tidy(tokens, clause.head, skip)
        : clause.kind === 'coord'
          ? coordinatedSubject(tokens, finite, to, lex)
          : subjectAfter(tokens, finite, to, skip, lex);
      return { clause, verb, finite, actor, action: actionAround(tokens, finite, to, actor, skip) };
    }
    if (isSubjectPrefield(tokens, from, finite, skip, lex)) {
      // "Een nieuw medicijn lijkt beter te werken …": the subject ends where its noun phrase does, and a word of
      // a finite verb's shape after it is the verb the lexicon did not know.
      const early = dutchFiniteAfterSubject(tokens, from, finite, skip, lex);
      if (early !== null) return dutchShapedClause(tokens, clause, early, skip, lex);
      return {
        clause,
        verb,
        finite,
        actor: tidy(tokens, { from, to: finite }, skip),
        action: range(finite, to, null, skip),
      };
    }
    const focused = focusedSubject(tokens, from, finite, skip, lex);
    if (focused) return { clause, verb, finite, actor: focused, action: range(finite, to, null, skip) };
    const actor = subjectAfter(tokens, finite, to, skip, lex);
    return { clause, verb, finite, actor, action: actionAround(tokens, finite, to, actor, skip) };
  }
  if (clause.kind === 'inf') return { clause, verb, finite, actor: null, action: range(from, to, null, skip) };
  // Verb final: the subject follows the conjunction ("…, dass die Regierung Zoom verboten hat").
  let at = from;
  // "zodat er geen schepen meer … kunnen varen": the expletive is not the subject; nor is the German reflexive that
  // may stand before it ("dass sich nun der Blick … verschiebt").
  const adverbial = (k: number) =>
    skip[k] ||
    lex.fronted.has(tokens[k]!.lower) ||
    ['er', 'es', 'there'].includes(tokens[k]!.lower) ||
    (lex.language === 'de' && tokens[k]!.lower === 'sich');
  while (at < to && adverbial(at)) at++;
  // "dat in de haven twee kranen zijn stilgezet": a Dutch place or time phrase before the subject is no subject.
  // "dat in de centrale van Shika twee reactoren …": up to two such phrases.
  for (let round = 0; round < 2; round++) {
    if (lex.language !== 'nl' || clause.kind === 'rel' || !lex.prepositions.has(tokens[at]?.lower ?? '')) break;
    const after = nounPhraseEnd(tokens, at + 1, to, lex, false);
    if (after <= at + 1 || after >= anchor) break;
    at = after;
    while (at < to && adverbial(at)) at++;
  }
  // "dass seit der Wahl die Zahl der Beamten gestiegen sei": a German prepositional phrase before the subject, when a
  // determiner opens a second noun phrase before the verb; without one ("dass in Berlin gebaut wird") it stays.
  if (lex.language === 'de' && clause.kind !== 'rel' && lex.prepositions.has(tokens[at]?.lower ?? '')) {
    let after = nounPhraseEnd(tokens, at + 1, to, lex, false);
    // "seit der Wahl von Anna Holm die Zahl …": a "von" phrase belongs to the noun before it.
    if (after > at + 1 && ['von', 'vom'].includes(tokens[after]?.lower ?? ''))
      after = nounPhraseEnd(tokens, after + 1, to, lex, false);
    if (after > at + 1 && after < anchor && lex.determiners.has(tokens[after]!.lower)) at = after;
  }
  // In a relative clause the pronoun is the subject unless another noun phrase follows it
  // before the verb: "das die Bundesregierung … beschlossen hatte".
  const end =
    clause.kind === 'rel' ? nounPhraseEnd(tokens, at, to, lex) : verbFinalSubjectEnd(tokens, at, anchor, to, lex);
  // "…, waarbij het panel … niet wilde steunen", "…, waar ze … startte": a Dutch "waar-" word is
  // never the subject itself, so the noun phrase or pronoun after it is, "het" and "ze" included.
  const adverbialRelative = clause.opener !== null && /^waar\p{L}*$/u.test(clause.opener.toLowerCase());
  const ownSubject = end > at && end < anchor && (adverbialRelative || !lex.pronouns.has(tokens[at]!.lower));
  const stop = clause.kind === 'rel' && !ownSubject ? at : end;
  const actor = stop > at ? { from: at, to: stop } : null;
  return { clause, verb, finite, actor, action: range(actor ? stop : from, to, null, skip) };
}
