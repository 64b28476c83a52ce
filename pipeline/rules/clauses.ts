import type { LexiconVerb } from '../../schemas/rules-lexicon.ts';
import { discourseFor } from './discourse.ts';
import type { CompiledLexicon } from './lexicon.ts';
import type { Token } from '../text/tokens.ts';

/** How a clause is joined to the one before it; 'subject' is a subject a relative clause cut off from its verb. */
export type ClauseKind = 'main' | 'coord' | 'sub' | 'cause' | 'rel' | 'inf' | 'subject';

/**
 * A run of tokens [from, to) of one sentence with at most one claim verb. `head` is the subject standing before a
 * relative clause that interrupts it ("The mayor, who took office in May, announced …"): the clause goes on with its
 * verb.
 */
export type Clause = {
  from: number;
  to: number;
  kind: ClauseKind;
  opener: string | null;
  head?: { from: number; to: number };
};

export type VerbHit = { index: number; verb: LexiconVerb; particle: number | null };

const QUOTES = new Set(['"', '“', '”', '„', '‘', '’', '«', '»', "'", '‚']);
export const isQuote = (token: Token | undefined) =>
  token !== undefined && token.kind === 'punct' && QUOTES.has(token.text);
const isPunct = (token: Token | undefined, marks: string) =>
  token !== undefined && token.kind === 'punct' && marks.includes(token.text);

/** Dutch adjectives and adverbs without an inflection ending: "willekeurig", "waarschijnlijk", "draagbaar". */
export const DUTCH_UNINFLECTED = /(?:ig|lijk|baar|loos|zaam|isch)$/u;
/** "nieuwe", "overgebleven", "gesloten", "willekeurig": a word that may stand before a Dutch noun. */
export const isDutchAdjective = (word: string) =>
  // "politie", "commissie", "situatie": an -ie word is a noun.
  (word.endsWith('e') && !word.endsWith('ie')) ||
  DUTCH_UNINFLECTED.test(word) ||
  /^[a-z]{0,5}ge[a-zë]{2,}(?:en|d|t)$/u.test(word);

/** Complementisers: what follows completes the verb before it ("said that …", "zei dat …"). */
const COMPLEMENT = new Set(['that', 'dat', 'dass', 'wonach', 'whether', 'ob', 'of']);
/** Personal pronouns that are the subject of a clause they open after a conjunction. */
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'it', 'hij', 'zij', 'ze', 'wij', 'we']);
/** Openers of a purpose or infinitive clause: "om … te", "um … zu". */
const PURPOSE = new Set(['om', 'um', 'to', 'in order to']);

/**
 * The claim verb at `index`, if the token is one: a lexicon form, or the finite part of a split
 * separable verb whose particle stands later in the clause ("schränkt … ein", "stelt … in").
 */
export function verbAt(tokens: readonly Token[], index: number, end: number, lex: CompiledLexicon): VerbHit | null {
  const token = tokens[index]!;
  if (token.kind !== 'word') return null;
  // German nouns are capitalised; a capitalised verb form mid-sentence is a noun ("das Verbot").
  if (lex.language === 'de' && token.capital && index > 0) return null;
  const previous = tokens[index - 1];
  // After an article or possessive the word is a noun: "the ban", "de eisen", "its review";
  // but a sentence-initial demonstrative before a verb and its subject is a pronoun: "Dat meldt het persbureau".
  const demonstrative =
    index === 1 &&
    previous !== undefined &&
    lex.demonstratives.has(previous.lower) &&
    (lex.determiners.has(tokens[index + 1]?.lower ?? '') || tokens[index + 1]?.capital === true);
  if (
    previous &&
    !demonstrative &&
    lex.language !== 'de' &&
    (lex.determiners.has(previous.lower) || /'s$/.test(previous.lower))
  )
    return null;
  if (pluralBeforeVerb(tokens, index, lex)) return null;
  if (lex.language === 'en') {
    // Capitalised it is a name or a heading word ("Finance minister …"), not a verb.
    if (token.capital) return null;
    // "a week of reports": after a preposition the word is a noun.
    if (previous && lex.prepositions.has(previous.lower) && previous.lower !== 'to') return null;
    // "The Baltic states were hit": a verb form right before an auxiliary is the subject's noun;
    // an -ing form without "be" before it is a gerund or participle, not the clause's verb.
    if (lex.auxiliaries.has(tokens[index + 1]?.lower ?? '') && !lex.auxiliaries.has(previous?.lower ?? '')) return null;
    if (
      token.lower.endsWith('ing') &&
      !['is', 'are', 'was', 'were', 'be', 'been', "'s", "'re"].includes(previous?.lower ?? '')
    )
      return null;
  }
  const split = lex.splitVerbs.get(token.lower);
  if (split) {
    for (const verb of split) {
      const particle = verb.particle!.toLowerCase();
      // Verb-final order puts the particle first ("aan banden legt").
      if (previous?.lower === particle) return { index, verb, particle: index - 1 };
      for (let j = index + 1; j < end; j++) {
        if (isPunct(tokens[j], ',;:')) break;
        if (tokens[j]!.lower !== particle) continue;
        // The particle closes the clause or comes right before the verbs and complements that end it;
        // elsewhere "in", "op", "an" are prepositions.
        const after = tokens[j + 1];
        if (
          !after ||
          after.kind === 'punct' ||
          j + 1 >= end ||
          after.lower === lex.infinitive ||
          PURPOSE.has(after.lower) ||
          lex.prepositions.has(after.lower) ||
          endsInInfinitive(tokens, j + 1, end, lex) ||
          lex.auxiliaries.has(after.lower) ||
          lex.subordinators.has(after.lower) ||
          lex.coordinators.has(after.lower) ||
          lex.language === 'en'
        ) {
          return { index, verb, particle: j };
        }
      }
    }
  }
  const plain = lex.verbs.get(token.lower);
  if (plain) return { index, verb: plain[0]!, particle: null };
  const shaped = finiteByShape(tokens, index, lex);
  return shaped ? { index, verb: shaped, particle: null } : null;
}

/**
 * "Television reports show …", "Officiële onderzoeken toonden …": two finite verbs do not follow each other, so a
 * plural form after a modifier and right before a verb is the subject's noun. English and Dutch main-clause order.
 */
function pluralBeforeVerb(tokens: readonly Token[], index: number, lex: CompiledLexicon): boolean {
  const token = tokens[index]!;
  const previous = tokens[index - 1];
  const next = tokens[index + 1];
  if (lex.language === 'de' || !previous || previous.kind !== 'word' || !next || next.kind !== 'word') return false;
  const plural =
    lex.language === 'en' ? /[^s]s$/.test(token.lower) : /en$/.test(token.lower) && !token.lower.startsWith('ge');
  if (!plural || next.capital) return false;
  const modifier = !(
    lex.auxiliaries.has(previous.lower) ||
    lex.pronouns.has(previous.lower) ||
    lex.coordinators.has(previous.lower) ||
    lex.subordinators.has(previous.lower) ||
    lex.relatives.has(previous.lower) ||
    lex.negation.has(previous.lower) ||
    lex.fronted.has(previous.lower) ||
    lex.prepositions.has(previous.lower) ||
    previous.lower === lex.infinitive
  );
  // Dutch "-de", "-ten" words are as often adjectives and plurals ("gewonde", "soldaten"): only a listed verb counts.
  const verb =
    lex.verbs.has(next.lower) ||
    lex.splitVerbs.has(next.lower) ||
    (lex.language === 'en' && FINITE_SHAPE.en.test(next.lower) && !NOT_FINITE.has(next.lower));
  return modifier && verb && !next.lower.endsWith('ing');
}

/** Word endings of finite verbs, for verbs the lexicon does not list: "ruled", "erwartet", "bezeichnete", "opende". */
const FINITE_SHAPE: Record<CompiledLexicon['language'], RegExp> = {
  en: /^[a-z]{2,}(?:[^e]ed|[^aeiou]ied)$/u,
  // The -e of a third person Konjunktiv I ("mache", "gelte", "verweise") too: reported speech on any verb.
  de: /^[a-zäöüß]{3,}(?:[^aeiouäöü]t|et|te|ten|ierte|ieren|[^aeiouäöü]e)$/u,
  nl: /^[a-zëï]{2,}(?:de|te|den|ten|t)$/u,
};
/** Lowercase words of those shapes that are not verbs. */
const NOT_FINITE = new Set([
  'nicht',
  'selbst',
  'jetzt',
  'erst',
  'seit',
  'bereits',
  'bisher',
  'insgesamt',
  'meist',
  'weit',
  'erneut',
  'bekannt',
  'zuletzt',
  'damit',
  'mit',
  'nacht',
  'recht',
  'gut',
  'best',
  'fast',
  'oft',
  'sonst',
  'samt',
  'nebst',
  'zumindest',
  'mindestens',
  'höchstens',
  'spätestens',
  'konkret',
  'niet',
  'ooit',
  'toch',
  'echt',
  'dicht',
  'licht',
  'recht',
  'weet',
  'eerst',
  'laatst',
  'meest',
  'minst',
  'net',
  'pas',
  'best',
  'soort',
  'tijdens',
  'hetzelfde',
  'hundred',
  'need',
  'red',
  'bed',
  'speed',
  'seed',
  'feed',
  'indeed',
  'naked',
  'wicked',
  'sacred',
  'kindred',
  'ragged',
  'beloved',
  'aged',
]);
const shapedVerbs = new Map<string, LexiconVerb>();

/**
 * A finite verb the lexicon does not know, told by its form and place: a word of a finite verb's
 * shape right after the subject's last word, not a function word. The English of such a verb is
 * the word itself, as written: the gloss never guesses a meaning.
 */
function finiteByShape(tokens: readonly Token[], index: number, lex: CompiledLexicon): LexiconVerb | null {
  const token = tokens[index]!;
  const previous = tokens[index - 1];
  // "das Verbot bleibe in Kraft": a form of reported speech is finite whatever verb it is.
  if (
    index > 0 &&
    !token.capital &&
    discourseFor(lex.language).reportedSpeech.has(token.lower) &&
    !lex.auxiliaries.has(token.lower)
  )
    return shapedVerb(token, lex);
  // "Es gibt keine Hinweise", "gab es keine Verletzten": German "es gibt", too short for the shapes below.
  const es = (t: Token | undefined) => t?.lower === 'es';
  if (lex.language === 'de' && GIVES.has(token.lower) && (es(previous) || es(tokens[index + 1])))
    return shapedVerb(token, lex);
  const opening = inOpeningPhrase(tokens, index, lex);
  if (opening === true) return null;
  if (
    afterOpeningPronoun(tokens, index, lex) ||
    afterOpeningSource(tokens, index, lex) ||
    afterOpeningConstituent(tokens, index, lex) ||
    opening === 'verb'
  )
    return shapedVerb(token, lex);
  if (afterInterruption(tokens, index, lex) || afterDutchSubjectPronoun(tokens, index, lex))
    return shapedVerb(token, lex);
  if (pluralBeforeThat(tokens, index, lex)) return shapedVerb(token, lex);
  if (
    !previous ||
    previous.kind !== 'word' ||
    token.capital ||
    !FINITE_SHAPE[lex.language].test(token.lower) ||
    NOT_FINITE.has(token.lower) ||
    // "onbeperkt", "onbekend", "onverwacht": Dutch "on-" makes adjectives; "ont-", "onder-" make verbs.
    (lex.language === 'nl' && /^on(?!t|der)/u.test(token.lower))
  )
    return null;
  const functionWord = (t: Token) =>
    lex.determiners.has(t.lower) ||
    lex.prepositions.has(t.lower) ||
    lex.coordinators.has(t.lower) ||
    lex.subordinators.has(t.lower) ||
    lex.relatives.has(t.lower) ||
    lex.negation.has(t.lower) ||
    lex.fronted.has(t.lower) ||
    lex.auxiliaries.has(t.lower) ||
    lex.numbers.has(t.lower) ||
    lex.infinitive === t.lower;
  // "Laut eigenen Angaben nähert …": a German capital inside the sentence is a noun, even when it is spelt like a
  // verb form ("angaben").
  const previousIsVerb = lex.verbs.has(previous.lower) && !(lex.language === 'de' && previous.capital && index > 1);
  if (functionWord(token) || functionWord(previous) || previousIsVerb) return null;
  // German and Dutch names and German nouns are capitalised: a capital right before is the subject's end.
  // A lowercase word before counts in English ("the court ruled") and after a Dutch article's noun ("de minister
  // opende").
  // "een willekeurig moment", "het diepe gaten": after a Dutch adjective the word is its noun.
  const afterAdjective =
    /(?:ig|lijk|baar|loos|zaam|isch)$/u.test(previous.lower) ||
    (previous.lower.endsWith('e') && /(?:den|ten)$/u.test(token.lower));
  // "de Canadese premier", "de Deense havenmeester": a capitalised -e word after an article is an
  // adjective of nationality, and the word after it its noun.
  const nationality =
    lex.language === 'nl' &&
    previous.capital &&
    previous.lower.endsWith('e') &&
    lex.determiners.has(tokens[index - 2]?.lower ?? '');
  // "Recente voorbeelden …", "Nieuwe gevallen …": a capitalised -e adjective opening the sentence before a plural.
  const openingAdjective =
    lex.language === 'nl' &&
    index === 1 &&
    previous.capital &&
    /[^i]e$/u.test(previous.lower) &&
    !lex.pronouns.has(previous.lower) &&
    !lex.determiners.has(previous.lower) &&
    /(?:den|ten)$/u.test(token.lower);
  if (nationality || openingAdjective) return null;
  const afterSubject =
    previous.capital ||
    lex.language === 'en' ||
    (lex.language === 'nl' && index >= 2 && lex.determiners.has(tokens[index - 2]!.lower) && !afterAdjective);
  if (!afterSubject) return null;
  // "der 5 Tonnen schwere Satellit", "die geplante Steuer": an -e word before a noun is its adjective, not a
  // Konjunktiv I.
  const next = tokens[index + 1];
  if (lex.language === 'de' && /[^aeiouäöü]e$/u.test(token.lower) && next?.kind === 'word' && next.capital) return null;
  return shapedVerb(token, lex);
}

/**
 * German verb second, where a quotation or sentence opens with an adverb or a short noun phrase and a pronoun or an
 * article follows the word after it: "„Zuerst pumpen wir …", "„Die Vögel brauchen unsere Hilfe …". That word is the
 * finite verb whatever its ending.
 */
function afterOpeningConstituent(tokens: readonly Token[], index: number, lex: CompiledLexicon): boolean {
  if (lex.language !== 'de' || index < 1) return false;
  const token = tokens[index]!;
  if (token.kind !== 'word' || token.capital || token.lower.length < 3 || NOT_FINITE.has(token.lower)) return false;
  if (lex.auxiliaries.has(token.lower) || openingWords(lex).some((words) => words.has(token.lower))) return false;
  const next = tokens[index + 1];
  const d = discourseFor(lex.language);
  const personal = (t: Token | undefined) =>
    t !== undefined && (d.firstPerson.has(t.lower) || d.resolvable.has(t.lower) || t.lower === 'man');
  const opens = (at: number) => at < 0 || isQuote(tokens[at]) || isPunct(tokens[at], ':');
  const adverb = lex.fronted.has(tokens[index - 1]!.lower) && opens(index - 2) && personal(next);
  // "Die Vögel brauchen unsere Hilfe": article, capitalised noun, a plural verb, then an article or possessive.
  // "… unsere Hilfe", "… Demoskopie": what follows opens the object, with an article, a possessive or a noun.
  const possessive =
    next !== undefined &&
    (lex.determiners.has(next.lower) || /^(?:unser|euer|ihr|sein|mein)/u.test(next.lower) || next.capital);
  const noun =
    index >= 2 &&
    token.lower.endsWith('en') &&
    tokens[index - 1]!.capital &&
    lex.determiners.has(tokens[index - 2]!.lower) &&
    opens(index - 3) &&
    possessive;
  return adverb || noun;
}

// "es gibt", "es kam zu": German verbs of "there is" too short for the shapes below.
/** The finite forms of German "es gibt" and "es kam (zu)". */
export const GIVES_FINITE: readonly string[] = ['gibt', 'gab', 'gebe', 'gäbe'];
export const COMES_FINITE: readonly string[] = ['kam', 'komme', 'käme'];
const GIVES = new Set([...GIVES_FINITE, ...COMES_FINITE]);

/** Words inside a German source phrase that attach the noun or name after them. */
const ATTACHING = new Set(['für', 'mit', 'in', 'im', 'aus', 'zur', 'zum', 'bei', 'beim', 'und']);

/**
 * German puts the finite verb second: after a personal pronoun opening the sentence or a quotation,
 * the next word is the verb whatever its ending ("Ich mache", "Wir brauchen", „Er wisse …").
 */
function afterOpeningPronoun(tokens: readonly Token[], index: number, lex: CompiledLexicon): boolean {
  if (lex.language !== 'de' || index < 1) return false;
  const token = tokens[index]!;
  const pronoun = tokens[index - 1]!;
  const before = tokens[index - 2];
  const d = discourseFor(lex.language);
  const opens = before === undefined || isQuote(before) || isPunct(before, ':');
  if (!opens || !pronoun.capital || !(d.firstPerson.has(pronoun.lower) || d.resolvable.has(pronoun.lower)))
    return false;
  if (token.capital || token.lower.length < 3 || NOT_FINITE.has(token.lower)) return false;
  return !openingWords(lex).some((words) => words.has(token.lower));
}

/**
 * A source opening a German sentence is its first constituent, so the next word is the finite verb
 * whatever its ending: "Nach Angaben der Polizei nahm …", "Laut einem Bericht des Senders bestehen …",
 * "Der Polizei zufolge steht …". The source phrase must be what German nouns and names are made of
 * (articles, capitalised words, an adjective between an article and its noun), ending in a capital.
 */
function afterOpeningSource(tokens: readonly Token[], index: number, lex: CompiledLexicon): boolean {
  if (lex.language !== 'de' || index < 2) return false;
  const token = tokens[index]!;
  if (token.kind !== 'word' || token.capital || token.lower.length < 3 || NOT_FINITE.has(token.lower)) return false;
  // A verb the lexicon knows, or an auxiliary, is found the usual way, with its own English.
  if (lex.auxiliaries.has(token.lower) || lex.verbs.has(token.lower)) return false;
  if (openingWords(lex).some((words) => words.has(token.lower))) return false;
  const previous = tokens[index - 1]!;
  const phraseWord = (k: number) => {
    const t = tokens[k]!;
    // "Nach Einschätzung der Konferenz der Vereinten Nationen (UNO) steht …": an abbreviation in brackets.
    if (t.text === '(' || t.text === ')') return true;
    // "der Wasser- und Bodenkonferenz": the hyphen of a compound cut short before "und".
    if (t.text === '-') return tokens[k - 1]?.capital === true && lex.coordinators.has(tokens[k + 1]?.lower ?? '');
    if (t.kind !== 'word') return false;
    if (t.capital || lex.determiners.has(t.lower) || ['von', 'vom'].includes(t.lower)) return true;
    // "des Amtes für Wasser und Boden mit Sitz in Kiel": a word that attaches the next noun or name.
    const next = tokens[k + 1];
    if (ATTACHING.has(t.lower) && next && (next.capital || lex.determiners.has(next.lower))) return true;
    return lex.determiners.has(tokens[k - 1]?.lower ?? '') && tokens[k + 1]?.capital === true;
  };
  if (previous.lower === 'zufolge') {
    for (let k = 0; k < index - 1; k++) if (!phraseWord(k)) return false;
    return true;
  }
  if (!previous.capital && previous.text !== ')') return false;
  const from = lex.sourceBefore.match(tokens, 0)?.length ?? reportNounMarker(tokens, 0, lex)?.length;
  if (from === undefined) return false;
  for (let k = from; k < index; k++) if (!phraseWord(k)) return false;
  return true;
}

/** Openers of a relative clause that may stand between a subject and its verb: ", die …,", ", dat …,", ", who …,". */
const INTERRUPTING = new Set(['dat', 'that']);

/**
 * "De burgemeester, die in mei aantrad, kondigde …", "The mayor, who took office in May, announced …": the comma at
 * `comma` closes a relative clause between the sentence's subject and its verb. Returns the subject, a phrase without a
 * verb or comma of its own, when the relative clause has its verb (Dutch: last, English: any). Dutch and English only.
 * Read from the lexicon alone, without the verb finder, as the verb finder asks it.
 */
/**
 * ", von denen …", ", mit welchem …": a German preposition before a relative pronoun that is never an article opens a
 * relative clause.
 */
function prepositionalRelative(tokens: readonly Token[], at: number, lex: CompiledLexicon): boolean {
  return lex.prepositions.has(tokens[at]?.lower ?? '') && GERMAN_RELATIVE_ONLY.has(tokens[at + 1]?.lower ?? '');
}

const GERMAN_RELATIVE_ONLY = new Set([
  'denen',
  'deren',
  'dessen',
  'welche',
  'welchem',
  'welchen',
  'welcher',
  'welches',
]);

export function interruptedSubject(
  tokens: readonly Token[],
  comma: number,
  lex: CompiledLexicon,
): { from: number; to: number } | null {
  if (!isPunct(tokens[comma], ',')) return null;
  let open = comma - 1;
  while (open > 0 && !isPunct(tokens[open], ',;:')) open--;
  const opener = tokens[open + 1];
  if (open < 1 || !isPunct(tokens[open], ',') || !opener) return null;
  // "Seine Nachbarn, von denen einer verreist war, gaben an": a German relative pronoun may follow its preposition.
  const prepositional = lex.language === 'de' && prepositionalRelative(tokens, open + 1, lex);
  if (!lex.relatives.has(opener.lower) && !INTERRUPTING.has(opener.lower) && !prepositional) return null;
  let start = 0;
  while (start < open && isQuote(tokens[start])) start++;
  const verbWord = (t: Token) => !t.capital && (lex.auxiliaries.has(t.lower) || lex.verbs.has(t.lower));
  for (let k = start; k < open; k++) if (isPunct(tokens[k], ',;:') || verbWord(tokens[k]!)) return null;
  const relative = tokens.slice(open + 2, comma);
  const last = relative.at(-1);
  // "Die Firma Hansen, die viele Aufträge erhielt, gab zu": a German relative clause ends with its verb.
  const hasVerb =
    lex.language === 'de'
      ? last !== undefined && last.kind === 'word' && !last.capital
      : lex.language === 'nl'
        ? last !== undefined && last.kind === 'word' && !last.capital
        : relative.some((t) => t.kind === 'word' && (verbWord(t) || FINITE_SHAPE.en.test(t.lower)));
  return open > start && hasVerb ? { from: start, to: open } : null;
}

/**
 * "Het aantal mensen dat thuis werkt, is gestegen …": a Dutch subject with a relative clause right after its noun,
 * closed by the comma at `comma` that the subject's verb follows. Returns the subject with its relative clause.
 */
export function relativeInSubject(
  tokens: readonly Token[],
  comma: number,
  lex: CompiledLexicon,
): { subject: { from: number; to: number } } | null {
  if (lex.language !== 'nl' || !isPunct(tokens[comma], ',')) return null;
  let start = 0;
  while (start < comma && isQuote(tokens[start])) start++;
  const verbWord = (t: Token) => !t.capital && (lex.auxiliaries.has(t.lower) || lex.verbs.has(t.lower));
  for (let k = start + 1; k < comma - 1; k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct' || verbWord(t)) return null;
    const previous = tokens[k - 1]!;
    const opens = (lex.relatives.has(t.lower) || INTERRUPTING.has(t.lower)) && previous.kind === 'word';
    if (!opens || lex.prepositions.has(previous.lower) || lex.determiners.has(previous.lower)) continue;
    const last = tokens[comma - 1]!;
    return last.kind === 'word' && !last.capital ? { subject: { from: start, to: comma } } : null;
  }
  return null;
}

/** The word after a relative clause that interrupts the subject is the subject's verb, whatever its form. */
function afterInterruption(tokens: readonly Token[], index: number, lex: CompiledLexicon): boolean {
  const token = tokens[index]!;
  if (lex.language === 'de' || token.capital || token.lower.length < 2 || NOT_FINITE.has(token.lower)) return false;
  if (lex.auxiliaries.has(token.lower) || openingWords(lex).some((words) => words.has(token.lower))) return false;
  if (lex.language === 'en' && !FINITE_SHAPE.en.test(token.lower)) return false;
  return interruptedSubject(tokens, index - 1, lex) !== null || relativeInSubject(tokens, index - 1, lex) !== null;
}

/**
 * "… maar bewoners hopen dat het water zakt": Dutch "dat" after a plural stands for no noun (plurals take "die"), so a
 * bare -en word right before it, after a one-word subject opening the clause, is a plural verb.
 */
function pluralBeforeThat(tokens: readonly Token[], index: number, lex: CompiledLexicon): boolean {
  if (lex.language !== 'nl' || index < 1 || tokens[index + 1]?.lower !== 'dat') return false;
  const token = tokens[index]!;
  const previous = tokens[index - 1]!;
  if (!/[^aeiou]en$/u.test(token.lower) || !mayBeFinite(token, lex) || previous.kind !== 'word') return false;
  // The subject is one bare word opening its clause: in "het aantal mensen dat" the "dat" is the noun's relative.
  const opener = tokens[index - 2];
  const opens = opener === undefined || opener.kind === 'punct' || lex.coordinators.has(opener.lower);
  return opens && !lex.determiners.has(previous.lower) && !lex.prepositions.has(previous.lower);
}

/** Dutch subject pronouns that are never an object, and "ze", right after which a new clause has its verb. */
const DUTCH_SUBJECT_PRONOUNS = new Set(['hij', 'zij', 'ze', 'wij', 'we', 'ik', 'men']);

/**
 * "…, en hij bedankte de bouwers": a Dutch subject pronoun opening a main clause (after a conjunction, a comma or at
 * the start) has the finite verb right after it; a word of a finite verb's shape there is the verb.
 */
function afterDutchSubjectPronoun(tokens: readonly Token[], index: number, lex: CompiledLexicon): boolean {
  if (lex.language !== 'nl' || index < 1) return false;
  const token = tokens[index]!;
  const pronoun = tokens[index - 1]!;
  const before = tokens[index - 2];
  if (!DUTCH_SUBJECT_PRONOUNS.has(pronoun.lower)) return false;
  // "of ze …" is as often "whether they …", a clause with its verb last.
  const opens =
    before === undefined || before.kind === 'punct' || (lex.coordinators.has(before.lower) && before.lower !== 'of');
  if (!opens) return false;
  if (token.capital || !FINITE_SHAPE.nl.test(token.lower) || NOT_FINITE.has(token.lower)) return false;
  return !openingWords(lex).some((words) => words.has(token.lower));
}

/**
 * Dutch puts the finite verb second: after a prepositional phrase opening the sentence ("Met zijn nieuwe geweer schoot
 * …", "Vóór de verkiezingen werkte …") the next word is the verb whatever its form. The phrase is read without the
 * verb finder: a preposition, a determiner, adjectives, then one head word or a run of capitalised words. Returns where
 * the phrase ends, or null when the sentence does not open with one.
 */
function openingPhraseEnd(tokens: readonly Token[], lex: CompiledLexicon): number | null {
  if (lex.language !== 'nl') return null;
  let k = 0;
  while (k < tokens.length && isQuote(tokens[k])) k++;
  if (!lex.prepositions.has(tokens[k]?.lower ?? '')) return null;
  const word = (t: Token | undefined) => t !== undefined && t.kind === 'word' && !t.capital;
  // "Op een vraag om uitleg reageerde …": a second phrase may hang on the first one's noun.
  for (let phrase = 0; phrase < 2; phrase++) {
    k++;
    if (tokens[k] && lex.determiners.has(tokens[k]!.lower)) k++;
    while (word(tokens[k]) && word(tokens[k + 1]) && isDutchAdjective(tokens[k]!.lower)) k++;
    const head = tokens[k];
    if (!head || (head.kind !== 'word' && head.kind !== 'number') || lex.prepositions.has(head.lower)) return null;
    k++;
    if (head.capital) while (k < tokens.length && tokens[k]!.kind === 'word' && tokens[k]!.capital) k++;
    if (!lex.prepositions.has(tokens[k]?.lower ?? '')) break;
  }
  return k;
}

/** Whether the word at `index` is inside (true) or right after ('verb') a Dutch opening prepositional phrase. */
function inOpeningPhrase(tokens: readonly Token[], index: number, lex: CompiledLexicon): boolean | 'verb' {
  const end = openingPhraseEnd(tokens, lex);
  if (end === null || index > end) return false;
  if (index < end) return true;
  const token = tokens[index]!;
  if (token.kind !== 'word' || token.capital || token.lower.length < 2 || NOT_FINITE.has(token.lower)) return false;
  // An auxiliary is found as one, with a clause that needs a claim verb or a figure to be a claim.
  if (lex.auxiliaries.has(token.lower)) return false;
  return openingWords(lex).some((words) => words.has(token.lower)) ? false : 'verb';
}

/**
 * "Nach einer Umfrage von …": a marker at `at` that a report noun follows within three words; `head` is the
 * noun's offset after the marker.
 */
export function reportNounMarker(
  tokens: readonly Token[],
  at: number,
  lex: CompiledLexicon,
): { length: number; head: number } | null {
  const marker = lex.reportNounMarkers.match(tokens, at);
  if (!marker) return null;
  const from = at + marker.length;
  // "Nach Bundeswehrangaben": a German compound ends in its head noun.
  const isReport = (t: Token) =>
    lex.reportNouns.has(t.lower) ||
    (lex.language === 'de' &&
      t.capital &&
      [...lex.reportNouns].some((noun) => noun.length >= 6 && t.lower.endsWith(noun)));
  // German stacks adjectives: "nach dem vorläufigen amtlichen Endergebnis".
  const head = tokens.slice(from, from + (lex.language === 'de' ? 4 : 3)).findIndex(isReport);
  return head < 0 ? null : { length: marker.length, head };
}

/** Words that open a phrase, never a finite verb of their own; gathered once per lexicon, asked for every token. */
const openingWordSets = new WeakMap<CompiledLexicon, readonly ReadonlySet<string>[]>();
function openingWords(lex: CompiledLexicon): readonly ReadonlySet<string>[] {
  let sets = openingWordSets.get(lex);
  if (!sets) {
    sets = [
      lex.determiners,
      lex.prepositions,
      lex.coordinators,
      lex.subordinators,
      lex.relatives,
      lex.negation,
      lex.fronted,
      lex.focusParticles,
      lex.numbers,
      lex.pronouns,
    ];
    openingWordSets.set(lex, sets);
  }
  return sets;
}

/** A lowercase word that may be a finite verb the lexicon does not know: not a function word, not a listed non-verb. */
export function mayBeFinite(token: Token, lex: CompiledLexicon): boolean {
  if (token.kind !== 'word' || token.capital || NOT_FINITE.has(token.lower)) return false;
  return !openingWords(lex).some((words) => words.has(token.lower)) && !lex.auxiliaries.has(token.lower);
}

/**
 * A verb known by its shape, not from the claim verbs: its English from the gloss lexicon when that
 * knows the form ("gewährt": grant, grants), else the form as written, never a guess.
 */
export function shapedVerb(token: Token, lex: CompiledLexicon): LexiconVerb {
  const key = `${lex.language}:${token.lower}`;
  let verb = shapedVerbs.get(key);
  if (!verb) {
    const glossed = lex.gloss.entry(token.lower);
    const en = glossed?.role && glossed.base ? `${glossed.base}|${glossed.en}` : `${token.lower}|${token.lower}`;
    verb = { en, kind: 'event', forms: token.lower };
    if (shapedVerbs.size > 10_000) shapedVerbs.clear();
    shapedVerbs.set(key, verb);
  }
  return verb;
}

export const isVerbLike = (tokens: readonly Token[], index: number, end: number, lex: CompiledLexicon) => {
  const token = tokens[index]!;
  if (lex.language === 'de' && token.capital && index > 0) return false;
  // "Met zijn nieuwe boot voer …": right after a preposition Dutch "zijn" is the possessive, not the verb.
  if (lex.language === 'nl' && lex.determiners.has(token.lower) && lex.prepositions.has(tokens[index - 1]?.lower ?? ''))
    return false;
  return lex.auxiliaries.has(token.lower) || verbAt(tokens, index, end, lex) !== null;
};

function hasSayVerb(tokens: readonly Token[], from: number, to: number, lex: CompiledLexicon): boolean {
  for (let i = from; i < to; i++) if (verbAt(tokens, i, to, lex)?.verb.kind === 'say') return true;
  return false;
}

/**
 * "…, Holland and chair of the society cautioned that …": a say verb with its "that" is the sentence's own attribution,
 * not one closing it (", said the minister."), so the comma before it stays inside the speaker's apposition.
 */
function saysThat(tokens: readonly Token[], from: number, to: number, lex: CompiledLexicon): boolean {
  if (lex.language === 'de') return false;
  for (let i = from; i < to - 1; i++)
    if (verbAt(tokens, i, to, lex)?.verb.kind === 'say' && ['that', 'dat'].includes(tokens[i + 1]!.lower)) return true;
  return false;
}

function kindOf(opener: Token | undefined, lex: CompiledLexicon): ClauseKind {
  if (!opener) return 'main';
  if (lex.coordinators.has(opener.lower)) return 'coord';
  if (PURPOSE.has(opener.lower)) return 'inf';
  if (lex.subordinators.has(opener.lower)) return lex.causal.match([opener], 0) ? 'cause' : 'sub';
  if (lex.relatives.has(opener.lower)) return 'rel';
  return 'main';
}

/**
 * Splits a sentence where a new clause starts: after ; and :, at a comma before a conjunction,
 * a relative pronoun or an attribution ("…, zei X"), and at "that/dat/dass" and "because/omdat/weil".
 */
export function splitClauses(tokens: readonly Token[], excluded: readonly boolean[], lex: CompiledLexicon): Clause[] {
  const clauses: Clause[] = [];
  let from = 0;
  let opener: Token | undefined;
  let head: Clause['head'];
  const close = (to: number, nextFrom: number, nextOpener: Token | undefined, nextHead?: Clause['head']) => {
    if (to > from)
      clauses.push({ from, to, kind: kindOf(opener, lex), opener: opener?.lower ?? null, ...(head ? { head } : {}) });
    from = nextFrom;
    opener = nextOpener;
    head = nextHead;
  };
  const sentenceEnd = lastWord(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // A source taken out of the sentence ("laut X", "volgens X") is skipped, not a boundary:
    // it may stand in the middle of its clause.
    if (excluded[i]) continue;
    if (isPunct(token, ';:')) {
      close(i, i + 1, undefined);
      continue;
    }
    let j = i + 1;
    while (isQuote(tokens[j])) j++;
    const next = tokens[j];
    if (isPunct(token, ',–—') && next) {
      // "The mayor, who took office in May, announced …": the relative clause ends at its comma and the subject's
      // clause goes on with its verb.
      const subject = opener ? interruptedSubject(tokens, i, lex) : null;
      // "…, wurde abgesetzt": a German auxiliary before a verb the lexicon does not know leaves the clause as it was.
      const knownVerb = lex.language !== 'de' || verbAt(tokens, j, tokens.length, lex) !== null;
      if (subject && knownVerb && isVerbLike(tokens, j, tokens.length, lex)) {
        const before = clauses.at(-1);
        // The subject has no verb of its own: a word of a verb's shape in it ("bergingsspecialist") is a noun.
        if (before && before.from === subject.from && before.to === subject.to) before.kind = 'subject';
        if (i > from) clauses.push({ from, to: i, kind: 'rel', opener: opener!.lower });
        from = j;
        opener = undefined;
        head = subject;
        i = j - 1;
        continue;
      }
      const participle = !opener && clauses.length === 0 ? participlePhraseEnd(tokens, from, i, lex) : null;
      if (participle !== null) {
        // "De nieuwe brug, gebouwd door firma Bos, opende …": the participle phrase describes the subject, which the
        // verb after it goes on with; the phrase itself has no subject of its own to claim with.
        const subject = { from, to: i };
        clauses.push({ ...subject, kind: 'subject', opener: null });
        clauses.push({ from: j, to: participle, kind: 'inf', opener: null });
        from = participle + 1;
        head = subject;
        i = participle;
        continue;
      }
      const embedded = !opener && clauses.length === 0 ? relativeInSubject(tokens, i, lex) : null;
      if (embedded && isVerbLike(tokens, j, tokens.length, lex)) {
        // Without a comma before it the relative clause says which one is meant, and stays in the subject.
        const subject = { from: embedded.subject.from, to: i };
        clauses.push({ ...subject, kind: 'subject', opener: null });
        from = j;
        head = subject;
        i = j - 1;
        continue;
      }
      const stretchEnd = nextComma(tokens, j);
      const fronted = clauses.length === 0 && !opener ? frontedOpener(tokens, excluded, from, i, lex) : null;
      if (fronted !== null && opensMainClause(tokens, j, stretchEnd, lex)) {
        // "Nadat de dijk was hersteld, keerden de bewoners terug", "After the bridge opened, the ferry stopped": the
        // clause a subordinator puts before the main clause ends at its comma, and the main clause follows.
        clauses.push({
          from: fronted + 1,
          to: i,
          kind: frontedKind(tokens[fronted]!, lex),
          opener: tokens[fronted]!.lower,
        });
        from = j;
        i = j - 1;
        continue;
      }
      // "De doden waren Piet Smit, 25, en Jan Bos, 21.": a conjunction after a comma with no verb after it joins a list.
      const list =
        lex.language !== 'de' &&
        lex.coordinators.has(next.lower) &&
        !hasVerb(tokens, j + 1, tokens.length, lex) &&
        !opensWithVerb(tokens, j + 1, lex);
      const germanRelative = lex.language === 'de' && prepositionalRelative(tokens, j, lex);
      const starts =
        (lex.coordinators.has(next.lower) && !list) ||
        lex.subordinators.has(next.lower) ||
        lex.relatives.has(next.lower) ||
        germanRelative ||
        PURPOSE.has(next.lower) ||
        lex.sourceAfter.match(tokens, j) !== null ||
        (stretchEnd >= sentenceEnd &&
          hasSayVerb(tokens, j, stretchEnd, lex) &&
          !saysThat(tokens, j, stretchEnd, lex)) ||
        // "„…“, sagte Ben Muster, der …": after a German closing quote the attribution opens, whatever follows it.
        (lex.language === 'de' && isQuote(tokens[i - 1]) && hasSayVerb(tokens, j, stretchEnd, lex)) ||
        // "Anna Beispiel, die Leiterin des Amtes, vermutet, dass …": a German verb of saying after an apposition.
        (lex.language === 'de' &&
          verbAt(tokens, j, tokens.length, lex)?.verb.kind === 'say' &&
          (isPunct(tokens[j + 1], ',:') || tokens[j + 1]?.lower === 'dass')) ||
        endsInInfinitive(tokens, j, stretchEnd, lex) ||
        (!opener && hasVerb(tokens, from, i, lex) && opensAsyndeticClause(tokens, j, stretchEnd, lex));
      // "Er sagte, der Rückstau …": right after an attribution verb a comma opens what was said.
      const afterSay = hasSayVerb(tokens, Math.max(from, lastWords(tokens, excluded, from, i, 3)), i, lex);
      if (starts || afterSay) {
        const opens =
          (lex.coordinators.has(next.lower) ||
            lex.subordinators.has(next.lower) ||
            PURPOSE.has(next.lower) ||
            (lex.relatives.has(next.lower) && !afterSay)) &&
          !(afterSay && lex.determiners.has(next.lower));
        // ", von denen einer verreist war": the clause keeps its preposition, and the pronoun is its opener.
        close(i, opens ? j + 1 : j, opens ? next : germanRelative ? tokens[j + 1] : undefined);
        i = (opens ? j + 1 : j) - 1;
      }
      continue;
    }
    // "that"/"dat" opens a clause only after a verb ("said that", "ontdekten dat"); after a bare noun it is a relative
    // or a determiner.
    const complement =
      COMPLEMENT.has(token.lower) &&
      token.lower !== 'of' &&
      (token.lower === 'dass' || afterVerb(tokens, excluded, from, i, lex));
    // "gebe es da noch Raum": a German "da" inside its clause is "there"; as "because" it follows a comma.
    const adverbialDa = lex.language === 'de' && token.lower === 'da' && tokens[i - 1]?.kind !== 'punct';
    if (
      i > from &&
      token.kind === 'word' &&
      (complement || (lex.subordinators.has(token.lower) && lex.causal.match(tokens, i) && !adverbialDa))
    ) {
      close(i, i + 1, token);
      continue;
    }
    // "… and promised …": a conjunction before a verb starts a clause that shares the subject;
    // in Dutch and German one before a whole clause ("en ook het ministerie houdt …") starts a clause too.
    // "… geen schade heeft veroorzaakt en dat de kranen …": a second "that" clause after the first one's verb.
    if (
      i > from &&
      lex.language !== 'de' &&
      lex.coordinators.has(token.lower) &&
      ['dat', 'that'].includes(next?.lower ?? '') &&
      j === i + 1 &&
      // "reported no effects from the quake and that the reactors …": after a say verb's object too.
      (isComplement({ from, to: i, kind: kindOf(opener, lex), opener: opener?.lower ?? null }) ||
        hasSayVerb(tokens, from, i, lex)) &&
      hasVerb(tokens, from, i, lex)
    ) {
      close(i, j + 1, next);
      i = j;
      continue;
    }
    // In a Dutch clause with its verb last, a conjunction before the verb has come joins phrases ("dat de wedstrijd met
    // gesloten deuren en zonder publiek gespeeld wordt"); only after the verb can a second clause begin.
    const verbFinal = lex.language === 'nl' && awaitsFinalVerb(tokens, from, i, kindOf(opener, lex), lex);
    if (
      i > from &&
      lex.coordinators.has(token.lower) &&
      next &&
      j === i + 1 &&
      !lex.negation.has(next.lower) &&
      !verbFinal &&
      (isVerbLike(tokens, j, tokens.length, lex) ||
        // "… is getrouwd met een bakker en maakte geen indruk …": a Dutch past tense the lexicon does not know, its
        // object or negation after it, opens a conjunct of its own after a clause with its verb.
        (lex.language === 'nl' &&
          /(?:de|te|den|ten)$/u.test(next.lower) &&
          opensWithVerb(tokens, j, lex) &&
          hasVerb(tokens, from, i, lex) &&
          tokens[j + 1] !== undefined &&
          (lex.determiners.has(tokens[j + 1]!.lower) || lex.negation.has(tokens[j + 1]!.lower))) ||
        // "… opened the bridge and he thanked …", "… en hij bedankte …": a pronoun with its own verb is a new subject.
        (SUBJECT_PRONOUNS.has(next.lower) &&
          !COMPLEMENT.has(token.lower) &&
          hasVerb(tokens, from, i, lex) &&
          isVerbLike(tokens, j + 1, tokens.length, lex)) ||
        // Dutch "of" before a whole clause is as often "whether" ("onderzoeken of ze … moeten doen").
        ((lex.language !== 'en' || lex.determiners.has(next.lower) || next.capital) &&
          !COMPLEMENT.has(token.lower) &&
          hasVerb(tokens, from, i, lex) &&
          startsClause(tokens, j, lex)))
    ) {
      close(i, i + 1, token);
      continue;
    }
    // "when the vessel was refloated", "while", "although": these open a clause without a comma.
    if (
      i > from &&
      WITHOUT_COMMA.has(token.lower) &&
      next &&
      (lex.determiners.has(next.lower) || lex.pronouns.has(next.lower) || next.capital)
    ) {
      close(i, i + 1, token);
    }
  }
  close(tokens.length, tokens.length, undefined);
  return clauses.map((clause) => asInfinitive(tokens, trimClause(tokens, clause), lex));
}

/** ", den Kanal zu passieren": a clause that ends in "zu"/"te" + verb is an infinitive, whatever opened it. */
function asInfinitive(tokens: readonly Token[], clause: Clause, lex: CompiledLexicon): Clause {
  if (lex.language === 'en' || clause.kind === 'inf' || clause.to - clause.from < 2 || clause.from === 0) return clause;
  if (tokens[clause.to - 2]!.lower !== lex.infinitive) return clause;
  // "… schreef het volgende: enkele buren wilden de weg afsluiten": after a colon a clause of its own begins.
  if (tokens[clause.from - 1]?.text === ':') return clause;
  for (let i = clause.from; i < clause.to - 2; i++) if (lex.auxiliaries.has(tokens[i]!.lower)) return clause;
  return { ...clause, kind: 'inf' };
}

/** English prepositions that open a clause of time before the main clause: "After the bridge was opened, …". */
const CLAUSE_PREPOSITIONS = new Set(['after', 'before', 'since', 'until', 'once']);

/**
 * The subordinator opening the sentence's first clause, when that clause has its verb before the comma at `comma`
 * ("Toen de brand doofde,"); null for "Volgens de politie," or "After the meeting,". Dutch and English only.
 */
function frontedOpener(
  tokens: readonly Token[],
  excluded: readonly boolean[],
  from: number,
  comma: number,
  lex: CompiledLexicon,
): number | null {
  if (lex.language === 'de') return null;
  let at = from;
  while (at < comma && (excluded[at] || isQuote(tokens[at]))) at++;
  const opener = tokens[at]?.lower ?? '';
  const subordinates =
    (lex.subordinators.has(opener) && !COMPLEMENT.has(opener)) ||
    (lex.language === 'en' && CLAUSE_PREPOSITIONS.has(opener));
  return subordinates && at + 1 < comma && hasVerb(tokens, at + 1, comma, lex) ? at : null;
}

/** After a fronted clause the main clause starts: inverted in Dutch ("keerden de bewoners"), with a verb in English. */
function opensMainClause(tokens: readonly Token[], at: number, end: number, lex: CompiledLexicon): boolean {
  if (lex.language === 'en') return !lex.coordinators.has(tokens[at]!.lower) && hasVerb(tokens, at, end, lex);
  return isVerbLike(tokens, at, end, lex);
}

function frontedKind(opener: Token, lex: CompiledLexicon): ClauseKind {
  return lex.causal.match([opener], 0) ? 'cause' : 'sub';
}

/**
 * Openers of a condition, or of the limit a state lasts until ("blijft dicht, totdat de verwarming werkt"): what the
 * clause says is not claimed to have happened.
 */
export const CONDITIONAL = new Set(['if', 'unless', 'als', 'indien', 'tenzij', 'wanneer', 'mits', 'totdat']);

const WITHOUT_COMMA = new Set(['when', 'while', 'although', 'whereas', 'terwijl', 'während', 'obwohl', 'hoewel']);

const AMBIGUOUS_SUBORDINATORS = new Set(['als', 'of', 'sinds']);

/**
 * Whether the Dutch clause before `at` still waits for its last verb: a subordinator or relative pronoun ("waarmee",
 * "dat") stands after its last verb, or the clause opened with one and has no verb yet.
 */
function awaitsFinalVerb(tokens: readonly Token[], from: number, at: number, kind: ClauseKind, lex: CompiledLexicon) {
  for (let k = at - 1; k >= from; k--) {
    const t = tokens[k]!;
    // "achter gesloten deuren": a participle before its noun is an adjective, not the clause's verb.
    const next = tokens[k + 1];
    const adjective = t.lower.startsWith('ge') && k + 1 < at && next?.kind === 'word' && mayBeFinite(next, lex);
    if (isVerbLike(tokens, k, at, lex) && !adjective) return false;
    // "als gouverneur", "of", "sinds": as often a preposition or a conjunction as a subordinator.
    const subordinates = lex.subordinators.has(t.lower) && !AMBIGUOUS_SUBORDINATORS.has(t.lower);
    if (k > from && (lex.relatives.has(t.lower) || subordinates) && !lex.determiners.has(t.lower)) return true;
  }
  return kind === 'sub' || kind === 'rel' || kind === 'cause';
}

/** "…, maar biedt ook …", "…, en bestaat het uit …": a Dutch conjunct opening with a word of a finite verb's shape. */
function opensWithVerb(tokens: readonly Token[], at: number, lex: CompiledLexicon): boolean {
  const word = tokens[at];
  return lex.language === 'nl' && word !== undefined && FINITE_SHAPE.nl.test(word.lower) && mayBeFinite(word, lex);
}

/** A clause of its own: a finite verb within a few words, before any punctuation. */
function startsClause(tokens: readonly Token[], at: number, lex: CompiledLexicon): boolean {
  for (let k = at + 1; k < tokens.length && k < at + 8; k++) {
    if (tokens[k]!.kind === 'punct') return false;
    const word = tokens[k]!.lower;
    // "samen met Bos en Smit aan de film en was hij …": the verb after the next conjunction opens the clause after it.
    if (lex.coordinators.has(word) && tokens[k + 1] && isVerbLike(tokens, k + 1, tokens.length, lex)) return false;
    // A participle ("gezogen", "gesloten") ends the clause before it rather than opening one.
    if (lex.auxiliaries.has(word) || lex.splitVerbs.has(word) || (lex.verbs.has(word) && !word.startsWith('ge')))
      return true;
    // "and the airline cancelled …": an English verb told by its form opens the clause too.
    if (lex.language === 'en' && verbAt(tokens, k, tokens.length, lex)) return true;
  }
  return false;
}

/** ", Zoom nicht zu verwenden": a stretch that ends in "zu"/"te" + verb is an infinitive clause (Dutch and German). */
function endsInInfinitive(tokens: readonly Token[], from: number, to: number, lex: CompiledLexicon): boolean {
  let end = to;
  while (end > from && tokens[end - 1]!.kind === 'punct') end--;
  return lex.language !== 'en' && end - from >= 2 && tokens[end - 2]!.lower === lex.infinitive;
}

/** Index after the last word of the sentence: an attribution ", zei X." must reach it. */
function lastWord(tokens: readonly Token[]): number {
  let end = tokens.length;
  while (end > 0 && tokens[end - 1]!.kind === 'punct') end--;
  return end;
}

/**
 * "zeggen dat", "said on Monday that": the word before (dates aside) is a verb; "een alternatief dat" is a relative.
 */
function afterVerb(
  tokens: readonly Token[],
  excluded: readonly boolean[],
  from: number,
  at: number,
  lex: CompiledLexicon,
): boolean {
  let k = at - 1;
  while (k > from && (excluded[k] || lex.fronted.has(tokens[k]!.lower) || lex.negation.has(tokens[k]!.lower))) k--;
  if (k < from) return false;
  const previous = tokens[k]!;
  return (
    previous.text === ',' ||
    isVerbLike(tokens, k, at, lex) ||
    (lex.language !== 'en' && k > from && isVerbLike(tokens, k - 1, at, lex))
  );
}

const ARTICLES = new Set(['de', 'het', 'the']);

const PARTICIPLE_SHAPE: Partial<Record<CompiledLexicon['language'], RegExp>> = {
  nl: /^(?:\p{L}*ge\p{L}{3,}|(?:be|ver|ont|her)\p{L}{3,})[dtn]$/u,
  en: /^\p{L}{3,}(?:ed|en|t)$/u,
};
const AGENT: Partial<Record<CompiledLexicon['language'], string>> = { nl: 'door', en: 'by' };

/**
 * "De nieuwe brug, gebouwd door firma Bos uit Delft, opende …", "The bridge, built by Bos, opened …": the comma at
 * `comma` after a subject without a verb opens a participle phrase with its agent. Returns the comma closing it when a
 * verb follows that comma, else null. Dutch and English only.
 */
function participlePhraseEnd(
  tokens: readonly Token[],
  from: number,
  comma: number,
  lex: CompiledLexicon,
): number | null {
  const shape = PARTICIPLE_SHAPE[lex.language];
  const participle = tokens[comma + 1];
  if (!shape || !participle || participle.capital || !shape.test(participle.lower)) return null;
  if (tokens[comma + 2]?.lower !== AGENT[lex.language] || comma - from < 2) return null;
  // A title in quotes belongs to the subject: "De postzegel 'Grote Daden', gemaakt door …".
  for (let k = from; k < comma; k++)
    if ((tokens[k]!.kind === 'punct' && !isQuote(tokens[k])) || isVerbLike(tokens, k, comma, lex)) return null;
  const close = nextComma(tokens, comma + 1);
  if (!isPunct(tokens[close], ',') || !tokens[close + 1]) return null;
  return isVerbLike(tokens, close + 1, tokens.length, lex) ? close : null;
}

/**
 * "Twee bruggen zijn beschadigd, de busdienst is stilgelegd …", "Two bridges were damaged, the bus service was halted":
 * after a main clause with its verb, a comma before an article, its noun and a finite verb opens a second main clause.
 * An apposition ("Jan Smit, de burgemeester, zei …") has no verb right after its noun. Dutch and English only.
 */
function opensAsyndeticClause(tokens: readonly Token[], at: number, end: number, lex: CompiledLexicon): boolean {
  if (lex.language === 'de' || !ARTICLES.has(tokens[at]?.lower ?? '')) return false;
  for (let k = at + 1; k < Math.min(end, at + 5); k++) {
    const t = tokens[k]!;
    // "…, the same place she used to …": a pronoun after the noun opens a relative clause without its pronoun.
    if (t.kind !== 'word' || lex.prepositions.has(t.lower) || lex.determiners.has(t.lower) || lex.pronouns.has(t.lower))
      return false;
    if (isVerbLike(tokens, k, end, lex)) return k > at + 1 && (lex.auxiliaries.has(t.lower) || mayBeFinite(t, lex));
  }
  return false;
}

function hasVerb(tokens: readonly Token[], from: number, to: number, lex: CompiledLexicon): boolean {
  for (let i = from; i < to; i++) if (isVerbLike(tokens, i, to, lex)) return true;
  return false;
}

/** Index of the n-th last word before `to` that is not excluded. */
function lastWords(
  tokens: readonly Token[],
  excluded: readonly boolean[],
  from: number,
  to: number,
  n: number,
): number {
  let k = to;
  let seen = 0;
  while (k > from && seen < n) {
    k--;
    if (!excluded[k] && tokens[k]!.kind === 'word') seen++;
  }
  return k;
}

function nextComma(tokens: readonly Token[], from: number): number {
  for (let i = from; i < tokens.length; i++) if (isPunct(tokens[i], ',;:')) return i;
  return tokens.length;
}

/** Drops the punctuation and quote marks at both ends of a clause. */
function trimClause(tokens: readonly Token[], clause: Clause): Clause {
  let { from, to } = clause;
  while (from < to && tokens[from]!.kind === 'punct') from++;
  while (to > from && tokens[to - 1]!.kind === 'punct') to--;
  return { ...clause, from, to };
}

export const isComplement = (clause: Clause) =>
  clause.kind === 'sub' && clause.opener !== null && COMPLEMENT.has(clause.opener);
