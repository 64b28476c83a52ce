import type { SupportedLanguage } from '../../schemas/article.ts';
import { DiscourseLexicon } from '../../schemas/discourse-lexicon.ts';
import { lexiconText, readLexicon } from '../lexicons/index.ts';
import type { CompiledLexicon } from './lexicon.ts';
import type { Sentence } from './sentences.ts';
import type { Token } from '../text/tokens.ts';

export type DiscourseWords = {
  resolvable: Set<string>;
  unresolvable: Set<string>;
  institutions: Set<string>;
  things: Set<string>;
  firstPerson: Set<string>;
  secondPerson: Set<string>;
  interjections: Set<string>;
  opinion: Set<string>;
  reportedSpeech: Set<string>;
  disagreeing: Map<string, Set<string>>;
};

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

let loaded: { version: string; byLanguage: Record<SupportedLanguage, DiscourseWords> } | null = null;

function load() {
  if (!loaded) {
    const raw = readLexicon('rules/discourse.json', DiscourseLexicon).data;
    const compile = (l: DiscourseLexicon['nl']): DiscourseWords => ({
      resolvable: words(l.resolvable),
      unresolvable: words(l.unresolvable),
      institutions: words(l.institutions),
      things: words(l.things),
      firstPerson: words(l.firstPerson),
      secondPerson: words(l.secondPerson),
      interjections: words(l.interjections),
      opinion: words(l.opinion),
      reportedSpeech: words(l.reportedSpeech),
      disagreeing: new Map(Object.entries(l.disagreeing).map(([pronoun, articles]) => [pronoun, words(articles)])),
    });
    loaded = { version: raw.version, byLanguage: { nl: compile(raw.nl), de: compile(raw.de), en: compile(raw.en) } };
  }
  return loaded;
}

export const discourseFor = (language: SupportedLanguage): DiscourseWords => load().byLanguage[language];
export const discourseFile = () => lexiconText('rules/discourse.json');

const CLOSING = /["'”’»“)\s]*$/u;
const folded = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Whether a sentence can hold a claim a fact-checker would keep. Not: a question, an exclamation,
 * an imperative or advice to the reader, the headline repeated in the body, or a caption (a line
 * of its own without a full stop).
 */
export function isClaimSentence(
  sentence: Sentence,
  article: { text: string; title?: string | undefined },
  tokens: readonly Token[],
  lex: CompiledLexicon,
): boolean {
  const d = discourseFor(lex.language);
  const body = sentence.text.replace(CLOSING, '');
  const last = body.at(-1);
  if (last === '?' || last === '!') return false;
  const words = tokens.filter((t) => t.kind === 'word');
  const first = words[0];
  if (!first) return false;
  // "Ach, ist das nicht wundervoll": an exclamation.
  if (d.interjections.has(first.lower) && tokens[tokens.indexOf(first) + 1]?.text === ',') return false;
  // "You should avoid Zoom", "Gebruik je …": advice to the reader. A capitalised German "Sie" mid-sentence is polite
  // "you" too.
  if (words.some((t, i) => d.secondPerson.has(t.lower) || (lex.language === 'de' && t.text === 'Sie' && i > 0)))
    return false;
  // "Avoid Zoom.": an English sentence opening with a verb's base form is an imperative.
  const verb = lex.verbs.get(first.lower)?.[0];
  if (lex.language === 'en' && verb && verb.en.split('|')[0] === first.lower) return false;
  if (article.title && folded(article.title) === folded(sentence.text)) return false;
  const lineStart =
    sentence.start === 0 || /\n\s*$/.test(article.text.slice(Math.max(0, sentence.start - 3), sentence.start));
  const after = article.text.slice(sentence.end);
  const lineEnd = after === '' || /^\s*\n/.test(after);
  if (lineStart && lineEnd && !/[.…:;]$/.test(body)) return false;
  return true;
}

/** An opinion of the article itself: an evaluative word in an unattributed claim ("een verstandig besluit"). */
export function isOpinion(actor: string, action: string, source: string | null, language: SupportedLanguage): boolean {
  if (source) return false;
  const d = discourseFor(language);
  return `${actor} ${action}`
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .some((w) => d.opinion.has(w));
}

/**
 * The actor a reader can check: the name itself, or for a personal pronoun ("hij", "She", "Maar
 * hij") the nearest fitting name before it in the article; null when there is none, or when the
 * pronoun names nobody ("es", "dat", "man"), so the claim is left out.
 */
export function resolveActor(
  actor: string,
  antecedents: readonly string[],
  lex: CompiledLexicon,
  speaker: string | null = null,
  plural: boolean | null = null,
): string | null {
  const d = discourseFor(lex.language);
  const all = actor
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);
  const content = all.filter((w) => !lex.coordinators.has(w) && !lex.fronted.has(w));
  if (!content.length) return null;
  const pronounOnly = content.every((w) => d.resolvable.has(w) || d.unresolvable.has(w) || lex.pronouns.has(w));
  if (!pronounOnly) return actor;
  // ,,We heffen het verbod niet op'': in a quotation going on from the sentence before, "we" is its speaker.
  if (speaker && content.every((w) => d.firstPerson.has(w))) return speaker;
  if (!content.every((w) => d.resolvable.has(w))) return null;
  // "Er räumte ein": the nearest antecedent the pronoun can stand for, not "Das Grundgesetz" before it.
  const unfit = new Set(content.flatMap((w) => [...(d.disagreeing.get(w) ?? [])]));
  return (
    antecedents.find(
      (name) => !unfit.has(name.split(/\s+/)[0]!.toLowerCase()) && opensName(name, lex) && agrees(name, plural, lex),
    ) ?? null
  );
}

const PLURAL_OPENERS = new Set([
  'enkele',
  'veel',
  'vele',
  'sommige',
  'alle',
  'beide',
  'several',
  'many',
  'some',
  'both',
  'all',
]);

/**
 * Whether a name is one or many, where its words tell: "een medewerker" and "Jan de Vries" are one, "de verdachten" and
 * "Pryce en Huhne" many; null when they do not ("Piraten" may be a plural noun opening the sentence).
 */
export function pluralOf(name: string, lex: CompiledLexicon): boolean | null {
  const words = name.split(/\s+/).filter(Boolean);
  const lower = words.map((w) => w.toLowerCase());
  const first = lower[0];
  if (!first) return null;
  if (lower.some((w, i) => i > 0 && lex.coordinators.has(w))) return true;
  if (['een', 'één', 'eén', 'a', 'an'].includes(first)) return false;
  if (
    PLURAL_OPENERS.has(first) ||
    (lex.numbers.has(first) && !['een', 'één', 'eén', 'one'].includes(first)) ||
    /^\d+$/.test(first)
  )
    return true;
  if (lex.determiners.has(first)) {
    // The head is the word before an attachment: "de leden van de raad", "the members of the board".
    const attachment = lower.findIndex((w, i) => i > 0 && lex.prepositions.has(w));
    const head = lower[(attachment > 0 ? attachment : lower.length) - 1]!;
    if (head === first) return null;
    return lex.language === 'en' ? /[^s]s$/.test(head) : /(?:en|s)$/.test(head) && !/(?:ijn|een)$/.test(head);
  }
  if (words.length >= 2 && words.every((w) => /^\p{Lu}/u.test(w) || NAME_PARTICLES.has(w))) return false;
  // "Dr. Anna Kowalczyk, 41 jaar", "hoofdinspecteur P. R. Singh": a title or an age around one name is one person.
  return words.some((w, i) => i > 0 && /^\p{Lu}/u.test(w) && /^\p{Lu}/u.test(words[i - 1]!)) ? false : null;
}

/** "Vóór The Simpsons", "Vervolgens": a phrase opening with a preposition or an adverb names nobody. */
function opensName(name: string, lex: CompiledLexicon): boolean {
  const first = (name.split(/\s+/)[0] ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return !lex.prepositions.has(first) && !lex.fronted.has(first) && !lex.subordinators.has(first);
}

/**
 * A pronoun of one person stands for no plural, no body and no thing; one of many stands for a body or many, not one.
 */
function agrees(name: string, plural: boolean | null, lex: CompiledLexicon): boolean {
  if (plural === null) return true;
  const d = discourseFor(lex.language);
  const named = name.toLowerCase().split(/[^\p{L}]+/u);
  // A body is one or many as the writer sees it: "de politie … ze hebben".
  if (named.some((w) => d.institutions.has(w))) return plural;
  // "hij", "she" stand for a person: not for "het Guinness Book" named just before.
  if (!plural && named.some((w) => d.things.has(w))) return false;
  const number = pluralOf(name, lex);
  return number === null || number === plural;
}

/** A name another claim can point back to: not a pronoun, and naming someone (a capital, or in German any noun). */
export function isNamed(text: string | null, lex: CompiledLexicon): text is string {
  if (!text) return false;
  const d = discourseFor(lex.language);
  const all = text.split(/\s+/).filter(Boolean);
  if (
    all.every(
      (w) =>
        lex.pronouns.has(w.toLowerCase()) || d.unresolvable.has(w.toLowerCase()) || d.resolvable.has(w.toLowerCase()),
    )
  )
    return false;
  return (
    all.some((w, i) => /^\p{Lu}/u.test(w) && (i > 0 || !lex.determiners.has(w.toLowerCase()))) || lex.language !== 'en'
  );
}

/**
 * German reported speech: a Konjunktiv I form, or one the lexicon knows as such (the form of a known verb with -t
 * replaced by -e).
 */
export function isReportedSpeech(tokens: readonly Token[], lex: CompiledLexicon): boolean {
  const d = discourseFor(lex.language);
  if (!d.reportedSpeech.size) return false;
  return tokens.some((t, i) => {
    if (t.kind !== 'word' || (t.capital && i > 0)) return false;
    if (d.reportedSpeech.has(t.lower)) return true;
    // "verbiete" beside "verbietet", "plane" beside "plant": the third person of Konjunktiv I.
    return (
      t.lower.length > 4 &&
      t.lower.endsWith('e') &&
      lex.verbs.has(`${t.lower.slice(0, -1)}t`) &&
      !lex.verbs.has(t.lower)
    );
  });
}

const QUOTE_MARKS: Record<SupportedLanguage, { open: RegExp; close: RegExp }> = {
  de: { open: /„|»|,,/gu, close: /“|«|”|''/gu },
  nl: { open: /„|“|,,/gu, close: /”|''/gu },
  en: { open: /“/gu, close: /”/gu },
};

/**
 * A sentence that ends inside a quotation („Der Erreger sei „nicht gefährlich. Erst wenn …“): the next
 * sentence is still the speaker's. Straight quotes say nothing about which side they stand on.
 */
export function leavesQuotationOpen(sentence: string, language: SupportedLanguage, openBefore = false): boolean {
  const marks = QUOTE_MARKS[language];
  const opened = (sentence.match(marks.open)?.length ?? 0) + (openBefore ? 1 : 0);
  return opened > (sentence.match(marks.close)?.length ?? 0);
}

/** A sentence that opens a quotation: „…, ,,…, »…, "…: the speaker may stand in the sentence before. */
export const opensQuotation = (sentence: string) => /^\s*(?:„|,,|»|«|"|“)/u.test(sentence);

const NAME_PARTICLES = new Set([
  'de',
  'van',
  'der',
  'den',
  'von',
  'ter',
  'te',
  'zu',
  'di',
  'da',
  'le',
  'la',
  'bin',
  'al',
]);

/**
 * Names of people and bodies written in a sentence: runs of two or more capitalised words, with
 * the particles inside names ("Jan de Vries", "Ursula von der Leyen"); a sentence's first word only
 * when it is not an article. They stand in for a later "hij", "she", "er" when no claim named anyone.
 */
export function namesIn(sentence: string, tokens: readonly Token[], lex: CompiledLexicon): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const starts =
      tokens[i]!.capital &&
      tokens[i]!.kind === 'word' &&
      !lex.determiners.has(tokens[i]!.lower) &&
      !lex.pronouns.has(tokens[i]!.lower) &&
      !lex.fronted.has(tokens[i]!.lower);
    if (!starts) {
      i++;
      continue;
    }
    let end = i + 1;
    let capitals = 1;
    while (
      end < tokens.length &&
      tokens[end]!.kind === 'word' &&
      (tokens[end]!.capital || (NAME_PARTICLES.has(tokens[end]!.text) && tokens[end + 1]?.capital))
    ) {
      if (tokens[end]!.capital) capitals++;
      end++;
    }
    if (capitals >= 2) names.push(sentence.slice(tokens[i]!.start, tokens[end - 1]!.end));
    i = end;
  }
  return names;
}
