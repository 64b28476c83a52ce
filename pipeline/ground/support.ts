import type { SupportedLanguage } from '../../schemas/article.ts';
import type { ExtractedClaim } from '../../schemas/claim.ts';
import { glossTokens } from '../rules/gloss.ts';
import { lexiconFor } from '../rules/lexicon.ts';
import { sameStem, withoutParticiplePrefix } from '../text/stem.ts';
import { tokenize } from '../text/tokens.ts';
import { tokens as words } from '../text/words.ts';

/**
 * Whether a grounded quote carries the claim made from it. Finding a quote in the text proves only
 * that the text holds those characters: a quote "the" would ground "The Pope resigned". So a quote
 * must be at least a clause, name the actor (or a pronoun for it) and hold the action's content
 * words; lenient on inflection (prefix match), strict on who and what. Pure, for every extractor.
 */

/** The shortest quote that can state who did what: three words and a short sentence's worth of letters. */
export const MIN_QUOTE = {
  nl: { words: 3, chars: 12 },
  de: { words: 3, chars: 12 },
  en: { words: 3, chars: 12 },
} as const;

// Words that never carry an action or name an actor on their own: articles, auxiliaries, particles.
const FUNCTION_WORDS: Record<SupportedLanguage, ReadonlySet<string>> = {
  en: new Set(
    'a an the of to in on at by for from with and or but that this these those is are was were be been being has have had do does did will would shall should can could may might must it its as into than then there their they he she we you i his her our your not no'.split(
      ' ',
    ),
  ),
  nl: new Set(
    'de het een van in op aan bij voor met en of maar dat die dit deze is zijn was waren wordt worden werd werden heeft hebben had hadden zal zullen zou zouden kan kunnen mag moet moeten te om tot uit naar als dan er hij zij ze wij we jullie u ik zich niet geen ook wel nog al'.split(
      ' ',
    ),
  ),
  de: new Set(
    'der die das den dem des ein eine einen einem einer eines von in im am an auf bei für mit und oder aber dass daß dies diese dieser dieses ist sind war waren wird werden wurde wurden hat haben hatte hatten soll sollen sollte kann können darf muss müssen zu zum zur um aus nach als dann er sie es wir ihr ich sich nicht kein keine auch noch schon'.split(
      ' ',
    ),
  ),
};

/** Pronouns that stand for an actor named earlier in the article. */
const PRONOUNS: Record<SupportedLanguage, ReadonlySet<string>> = {
  en: new Set('he she it they we i his her its their our them him us'.split(' ')),
  nl: new Set('hij zij ze wij we ik zijn haar hun hen hem men'.split(' ')),
  de: new Set('er sie es wir ich ihr sein seine ihre ihren ihm ihn ihnen uns man'.split(' ')),
};

/**
 * Sentences addressed to a model rather than a reader. Such a quote can at most report what the
 * article says; it never becomes a claim about the world in someone else's name.
 */
const INSTRUCTION =
  /\b(ignore|disregard|forget)\s+(all\s+|any\s+|the\s+)?(previous|prior|above|earlier|preceding)\s+(instructions?|prompts?|rules|messages?)|\b(system|assistant)\s*(prompt|message)?\s*:|\byou\s+are\s+(now\s+)?(an?\s+)?(ai|assistant|language model|chatbot)|\b(as an ai|new instructions?|instructions? to the (model|ai|assistant))\b|\b(negeer|vergeet)\s+(alle\s+)?(vorige|eerdere|bovenstaande)\s+(instructies|opdrachten)|\b(ignoriere|vergiss)\s+(alle\s+)?(vorherigen|bisherigen|obigen)\s+(anweisungen|instruktionen)/iu;

function found(word: string, quoteWords: readonly string[]): boolean {
  const bare = withoutParticiplePrefix(word);
  return quoteWords.some(
    (candidate) => sameStem(word, candidate) || sameStem(bare, withoutParticiplePrefix(candidate)),
  );
}

const contentWords = (text: string, language: SupportedLanguage) =>
  words(text).filter(
    (word) =>
      !FUNCTION_WORDS[language].has(word) && !FUNCTION_WORDS.en.has(word) && (word.length > 1 || /\d/u.test(word)),
  );

/** Words after which a noun phrase's head is already said: "council of Leeds", "Chef der Behörde". */
const ATTACHMENTS: Record<SupportedLanguage, ReadonlySet<string>> = {
  en: new Set('of for at from in on'.split(' ')),
  nl: new Set('van voor bij uit in op'.split(' ')),
  de: new Set('von für bei aus in im auf der des'.split(' ')),
};

/** The word an actor's noun phrase is about: the last content word before any attachment. */
function actorHead(actor: string, language: SupportedLanguage): string | undefined {
  const all = words(actor);
  const firstAttachment = all.findIndex((word, index) => index > 0 && ATTACHMENTS[language].has(word));
  const core = contentWords((firstAttachment < 0 ? all : all.slice(0, firstAttachment)).join(' '), language);
  return core.at(-1);
}

/** "World Health Organization" -> "who": an actor may be named by its initials. */
function initials(actor: string, language: SupportedLanguage): string | undefined {
  const capitalised = Array.from(actor.matchAll(/\p{Lu}[\p{L}\p{N}]*/gu), (match) => match[0]).filter(
    (word) => !FUNCTION_WORDS[language].has(word.toLowerCase()),
  );
  return capitalised.length >= 2
    ? capitalised
        .map((word) => word[0])
        .join('')
        .toLowerCase()
    : undefined;
}

/**
 * Whether the text names the actor. One shared word is not enough: "The World Health Organization" is
 * not "the health ministry". The actor's head ("Organization", "Scholz", "council") must be there, or
 * its initials, or most of its words; titles and qualifiers ("Bundeskanzler", "of Leeds") may be left out.
 */
export function actorNamedIn(actor: string, text: string, language: SupportedLanguage): boolean {
  const actorWords = contentWords(actor, language);
  if (actorWords.length === 0) return true;
  const textWords = words(text);
  const head = actorHead(actor, language);
  if (head !== undefined && found(head, textWords)) return true;
  const acronym = initials(actor, language);
  if (acronym !== undefined && textWords.includes(acronym)) return true;
  const named = actorWords.filter((word) => found(word, textWords)).length;
  return named * 2 > actorWords.length;
}

export type SupportVerdict = { supported: true } | { supported: false; reason: string };

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);

/** The text around a quote that the checks may look at. */
export type QuoteSurroundings = {
  /** A few hundred characters around the quote: a passive or an elided subject ("promised a freeze",
   * "Het bedrijf zei") names its actor in the sentence before, which is as far as we look for it. */
  near: string;
  /** The quote's sentence and the one before: where an instruction to the model would steer it. */
  sentences: string;
};

/** Whether `quote` (the span as it stands in the text) can carry `claim`, in the article's language. */
export function quoteSupports(
  claim: Pick<ExtractedClaim, 'actor' | 'action'> & Partial<Pick<ExtractedClaim, 'statement_en'>>,
  quote: string,
  language: SupportedLanguage,
  surroundings: QuoteSurroundings = { near: quote, sentences: quote },
): SupportVerdict {
  const quoteWords = words(quote);
  const minimum = MIN_QUOTE[language];
  if (quoteWords.length < minimum.words || quote.trim().length < minimum.chars) {
    return {
      supported: false,
      reason: `quote too short to carry a claim (${quoteWords.length} word${quoteWords.length === 1 ? '' : 's'})`,
    };
  }
  if (INSTRUCTION.test(surroundings.sentences))
    return { supported: false, reason: 'quote is in or next to an instruction to a model, not a claim' };
  const actorNamed =
    actorNamedIn(claim.actor, surroundings.near, language) ||
    quoteWords.some((word) => PRONOUNS[language].has(word) || PRONOUNS.en.has(word));
  if (!actorNamed) return { supported: false, reason: `quote does not name the actor "${shorten(claim.actor)}"` };
  const actionWords = contentWords(claim.action, language);
  // Lenient on purpose: one content word of the action in the quote ties the claim to the quote;
  // an action with none of its words there (a model's invention) is refused.
  if (actionWords.length > 0 && !actionWords.some((word) => found(word, quoteWords))) {
    return { supported: false, reason: `quote does not carry the action "${shorten(claim.action)}"` };
  }
  // Lenient too: a statement that resolves a date or a pronoun from the context still shares a
  // word with the quote; one that shares none is about something else.
  if (claim.statement_en !== undefined && statementCoverage(claim.statement_en, quote, language) === 0) {
    return {
      supported: false,
      reason: `the English statement "${shorten(claim.statement_en)}" says nothing the quote says`,
    };
  }
  return { supported: true };
}

const NEGATIONS = new Set(
  'not no never none nobody nothing nowhere neither nor cannot niet geen nooit niemand niets nergens noch nicht kein keine keinen keinem keiner keines nie niemals nichts nirgends weder'.split(
    ' ',
  ),
);

/** The negations and numbers of a text, in order: what a loose alignment must not add or drop. */
function polarityAndFigures(text: string): string {
  const marks = Array.from(text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’]t\b)?/gu), (match) => match[0])
    .map((word) => (/n['’]t$/u.test(word) ? 'not' : word))
    .filter((word) => NEGATIONS.has(word) || /\d/u.test(word));
  return marks.sort().join(' ');
}

/**
 * A normalised or fuzzy alignment that adds or drops a negation or a number is another claim:
 * "fees did not rise" is not "fees rose", "40 schools" is not "41 schools".
 */
export function alignmentKeepsMeaning(requested: string, aligned: string): SupportVerdict {
  const wanted = polarityAndFigures(requested);
  const got = polarityAndFigures(aligned);
  if (wanted === got) return { supported: true };
  return {
    supported: false,
    reason: `the closest span differs in negation or numbers ("${shorten(wanted)}" vs "${shorten(got)}")`,
  };
}

/** What a nl/de quote says in English words (the rules' word-by-word gloss); an English quote as it is. */
const englishOf = (quote: string, language: SupportedLanguage) =>
  language === 'en' ? quote : `${quote} ${glossTokens(tokenize(quote), lexiconFor(language))}`;

/**
 * The share of the English statement's content words that the quote, or its English gloss, holds:
 * the statement is what a reader sees of the claim, so it must say what the quote says.
 */
export function statementCoverage(statement: string, quote: string, language: SupportedLanguage): number {
  const wanted = contentWords(statement, 'en');
  if (wanted.length === 0) return 1;
  const said = words(englishOf(quote, language));
  return wanted.filter((word) => found(word, said)).length / wanted.length;
}
