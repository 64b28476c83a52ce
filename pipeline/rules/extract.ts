import type { ArticleForExtraction } from '../../schemas/article.ts';
import type { ExtractorClaim } from '../../schemas/claim.ts';
import { firstOccurrence } from '../text-search.ts';
import { isQuote } from './clauses.ts';
import { glossTokens, statement, verbGloss } from './gloss.ts';
import { lexiconFor, type CompiledLexicon } from './lexicon.ts';
import { textOf } from './markers.ts';
import { range } from './parse.ts';
import { GERMAN_PARTICIPLE, NEGATING_DETERMINERS, negatesConjunctOnly } from './stance.ts';
import { analyseSentence, inVerbGroup, type Draft } from './sentence-claims.ts';
import {
  isClaimSentence,
  isNamed,
  isOpinion,
  isReportedSpeech,
  namesIn,
  leavesQuotationOpen,
  opensQuotation,
  resolveActor,
} from './discourse.ts';
import { splitSentences } from './sentences.ts';
import { tokenize, type Token } from '../text/tokens.ts';

/** Tokens as the text writes them, with a single space where tokens were left out between them. */
function joinTokens(
  sentence: string,
  tokens: readonly Token[],
  indices: readonly number[],
  lex: CompiledLexicon,
): string {
  const kept = [...new Set(indices)].sort((a, b) => a - b).filter((i) => !isQuote(tokens[i]));
  while (
    kept.length &&
    tokens[kept[kept.length - 1]!]!.kind === 'punct' &&
    tokens[kept[kept.length - 1]!]!.text !== '%'
  )
    kept.pop();
  while (kept.length && tokens[kept[0]!]!.kind === 'punct') kept.shift();
  while (kept.length > 1 && lex.coordinators.has(tokens[kept[kept.length - 1]!]!.lower)) kept.pop();
  let out = '';
  kept.forEach((index, k) => {
    const before = kept[k - 1];
    if (before !== undefined) {
      out +=
        before === index - 1
          ? sentence.slice(tokens[before]!.end, tokens[index]!.start)
          : tokens[index]!.kind === 'punct'
            ? ''
            : ' ';
    }
    out += tokens[index]!.text;
  });
  return out.replace(/\s+/g, ' ').trim();
}

/** The tokens of the verb phrase that carry its meaning in English: the object, not the verb group. */
function objectTokens(draft: Draft, tokens: readonly Token[], lex: CompiledLexicon): Token[] {
  return draft.action
    .filter((i) => {
      const t = tokens[i]!;
      if (inVerbGroup(i, draft.parse, tokens, lex)) return false;
      // Negation and modals are said by the verb gloss; a negation the claim's polarity does not carry stays in the
      // object,
      // and so does a negating determiner ("geen strafblad", "keine Vorstrafen": "no …").
      const negation = lex.negation.has(t.lower) && draft.polarity === 'negated' && !NEGATING_DETERMINERS.has(t.lower);
      // Dutch and German keep "te"/"zu": the gloss puts it before its verb ("te sluiten" → "to close").
      const marker = t.lower === lex.infinitive && lex.language === 'en';
      return !negation && !marker && !lex.modal.match(tokens, i);
    })
    .sort((a, b) => a - b)
    .map((i) => tokens[i]!);
}

/** The polarity the English verb says: none when a negating determiner in the object says it. */
function verbPolarity(draft: Draft, tokens: readonly Token[], lex: CompiledLexicon): Draft['polarity'] {
  if (draft.polarity !== 'negated') return draft.polarity;
  // "Niemand raakte gewond", "geen pakketten liggen erin": a negation in the glossed actor says it there ("Nobody …",
  // "No packages …"); the verb saying it again would undo it.
  const actor = draft.actor && !draft.actorName ? range(draft.actor.from, draft.actor.to, null, []) : [];
  const inAction = draft.action.filter((i) => lex.negation.has(tokens[i]!.lower));
  if (!inAction.length && actor.some((i) => lex.negation.has(tokens[i]!.lower))) return 'affirmed';
  const negations = inAction;
  // "no longer", "no more" negate the verb, English "no damage" its noun.
  const determiner = (i: number) =>
    NEGATING_DETERMINERS.has(tokens[i]!.lower) && !['longer', 'more'].includes(tokens[i + 1]?.lower ?? '');
  return negations.length > 0 && negations.every(determiner) ? 'affirmed' : 'negated';
}

/** Cuts an unclosed parenthesis and what follows it: "Christian Lindner (FDP" → "Christian Lindner". */
function balance(text: string): string {
  const open = text.lastIndexOf('(');
  return open >= 0 && text.indexOf(')', open) < 0 ? text.slice(0, open).trim() : text;
}

/**
 * The evidence: the clause with its actor, reason and attribution, verbatim; the whole sentence
 * when that is short, so a few words never ground somewhere else in the article.
 */
function quoteOf(sentence: string, tokens: readonly Token[], draft: Draft): string {
  let { from, to } = draft.span;
  while (to < tokens.length && tokens[to]!.kind === 'punct' && !isQuote(tokens[to]) && tokens[to]!.text !== ',') to++;
  const quote = sentence.slice(tokens[from]!.start, tokens[to - 1]!.end);
  // A clause of its own ("the airline cancelled the flight") is its claim's quote; only a few words fall back to the
  // sentence.
  return quote.length >= 20 ? quote : sentence;
}

/** The English of the auxiliary a clause without a lexicon verb stands on: "is", "has", "was". */
function auxiliaryGloss(draft: Draft, tokens: readonly Token[], lex: CompiledLexicon): string {
  const finite = draft.parse.finite === null ? null : tokens[draft.parse.finite]!;
  if (!finite) return '';
  return lex.gloss.get(finite.lower) ?? '';
}

/** The actor as the sentence writes it, without quote marks and a dangling parenthesis. */
const writtenActor = (sentence: string, tokens: readonly Token[], draft: Draft) =>
  draft.actor
    ? balance(
        textOf(sentence, tokens, draft.actor)
          .replace(/^["'„“‘«]+|["'”’»]+$/gu, '')
          .trim(),
      )
    : '';

/**
 * A negation in the claim's own words (its actor or its verb phrase before any side clause) makes it
 * negated: "niemand … soll", "es gab bislang keine Auskunft". The English and the polarity
 * must never say the opposite of the quote.
 */
function ownPolarity(draft: Draft, tokens: readonly Token[], lex: CompiledLexicon): Draft['polarity'] {
  if (draft.polarity === 'negated') return 'negated';
  const governs =
    draft.parse.verb?.verb.modality === 'advised' ||
    draft.parse.verb?.verb.modality === 'demanded' ||
    draft.parse.verb?.verb.kind === 'say';
  if (governs) return 'affirmed';
  const own = [...(draft.actor ? range(draft.actor.from, draft.actor.to, null, []) : []), ...draft.action].sort(
    (a, b) => a - b,
  );
  for (const i of own) {
    const t = tokens[i]!;
    if (lex.subordinators.has(t.lower) || lex.relatives.has(t.lower)) break;
    if (!lex.negation.has(t.lower) || negatesConjunctOnly(tokens, i, lex)) continue;
    const exception =
      lex.negationExceptions.match(tokens, i) ?? (i > 0 ? lex.negationExceptions.match(tokens, i - 1) : null);
    if (!exception) return 'negated';
  }
  return 'affirmed';
}

const QUESTION_WORDS: Record<CompiledLexicon['language'], ReadonlySet<string>> = {
  de: new Set(['wie', 'wo', 'wohin', 'woher', 'warum', 'wann', 'weshalb', 'wieso', 'ob']),
  nl: new Set(['hoe', 'waar', 'waarheen', 'waarom', 'wanneer', 'of']),
  en: new Set(['how', 'where', 'why', 'when', 'whether']),
};

/**
 * Whether an actor as written can be a subject: a noun phrase, not a clause cut from its sentence
 * ("Wohin die Maschine geflogen", "enough to restore"), a lone article ("die"), a phrase ending on a
 * preposition ("deployment of pig catchers in") or on a participle ("die Kandidaten gebunden").
 * A claim without a subject a reader can name is left out: precision first.
 */
function isNounPhrase(actor: readonly Token[], lex: CompiledLexicon): boolean {
  const words = actor.filter((t) => t.kind !== 'punct');
  const first = words[0];
  const last = words.at(-1);
  if (!first || !last) return false;
  if (QUESTION_WORDS[lex.language].has(first.lower)) return false;
  if (words.length === 1 && (lex.determiners.has(first.lower) || lex.relatives.has(first.lower))) return false;
  if (lex.prepositions.has(last.lower) || lex.determiners.has(last.lower)) return false;
  // "zu" is a preposition too ("Seine Differenz zu den Endergebnissen"): only "zu bringen" closing the phrase is a verb.
  if (words.length > 2 && words.at(-2)!.lower === lex.infinitive && !last.capital) return false;
  return last.capital || lex.language !== 'de' || !GERMAN_PARTICIPLE.test(last.lower);
}

function toClaim(
  sentence: string,
  tokens: readonly Token[],
  draft: Draft,
  lex: CompiledLexicon,
): ExtractorClaim | null {
  draft.polarity = ownPolarity(draft, tokens, lex);
  const written = writtenActor(sentence, tokens, draft);
  const actor = draft.actorName ?? written;
  const action = joinTokens(sentence, tokens, draft.action, lex);
  if (!actor || !action) return null;
  const reason = draft.reason?.length ? joinTokens(sentence, tokens, draft.reason, lex) : null;
  const actorTokens = draft.actorName ? tokenize(draft.actorName) : tokens.slice(draft.actor!.from, draft.actor!.to);
  if (!draft.actorName && !isNounPhrase(actorTokens, lex)) return null;
  // A name put in for a pronoun ("Jan de Vries") is said as written; a noun phrase ("der Pilot") is glossed.
  const asWritten =
    lex.language === 'en' || (draft.actorName !== null && !lex.determiners.has(actorTokens[0]?.lower ?? ''));
  // An English claim is said in its article's words: the verb list groups synonyms ("built" under develop), and a
  // verb group ("were waiting to pass", "would no longer be connected") says more than its verb's gloss would.
  const statementEn =
    lex.language === 'en'
      ? statement(actor, '', action, reason || null)
      : statement(
          asWritten ? actor : glossTokens(actorTokens, lex),
          verbGloss(
            draft.parse.verb?.verb ?? null,
            verbPolarity(draft, tokens, lex),
            draft.modality,
            auxiliaryGloss(draft, tokens, lex),
          ),
          glossTokens(objectTokens(draft, tokens, lex), lex),
          draft.reason?.length
            ? glossTokens(
                draft.reason.map((i) => tokens[i]!),
                lex,
              )
            : null,
        );
  return {
    actor,
    action,
    date: draft.date,
    reason: reason || null,
    source: draft.source === null ? null : balance(draft.source) || null,
    quote: quoteOf(sentence, tokens, draft),
    statement_en: statementEn,
    polarity: draft.polarity,
    modality: draft.modality,
    // English articles are re-said in their own words; Dutch and German ones are glossed word by word.
    statement_origin: lex.language === 'en' ? 'source' : 'gloss',
  };
}

/**
 * Whether a pronoun actor stands for many (true) or one person (false): "he", "hij" are one; Dutch "ze"/"zij" are
 * told by their verb ("ze renden" many, "ze zit" one). Null when nothing tells, and in German.
 */
function pronounNumber(actor: string, draft: Draft, tokens: readonly Token[], lex: CompiledLexicon): boolean | null {
  const pronoun = actor.toLowerCase().split(/\s+/).pop() ?? '';
  if (lex.language === 'en') return pronoun === 'he' || pronoun === 'she' ? false : pronoun === 'they' ? true : null;
  if (lex.language !== 'nl') return null;
  if (pronoun === 'hij') return false;
  const finite = draft.parse.finite === null ? null : tokens[draft.parse.finite]!.lower;
  return (pronoun === 'ze' || pronoun === 'zij') && finite ? finite.endsWith('en') : null;
}

/** "seiner Auffassung", "ihren Angaben": a source told by a possessive is a view, not a speaker who goes on talking. */
const POSSESSIVES = new Set([
  'sein',
  'seine',
  'seiner',
  'seinem',
  'seinen',
  'ihr',
  'ihre',
  'ihrer',
  'ihrem',
  'ihren',
  'dessen',
  'deren',
]);
const possessive = (source: string, lex: CompiledLexicon) =>
  lex.language === 'de' && POSSESSIVES.has(source.split(/\s+/)[0]?.toLowerCase() ?? '');

/**
 * A sentence of the article's own that does not take the word from a speaker: no claim of it has a source, and it
 * names nobody new, neither in a claim's actor nor where it opens ("Die Systeme sind komplexer", not "Werftchef Paul
 * Berger verließ die Runde"). A German phrase opening with an article is a thing or a group, not a new speaker.
 */
function isNeutral(claims: readonly ExtractorClaim[], tokens: readonly Token[], lex: CompiledLexicon): boolean {
  const opensWithName = (words: readonly string[]) => {
    const first = words[0] ?? '';
    const lower = first.toLowerCase();
    return (
      /^\p{Lu}/u.test(first) &&
      !lex.determiners.has(lower) &&
      !lex.fronted.has(lower) &&
      !lex.prepositions.has(lower) &&
      !lex.pronouns.has(lower)
    );
  };
  const opening = tokens.filter((t) => t.kind === 'word').map((t) => t.text);
  return (
    !opensWithName(opening) &&
    claims.every((claim) => claim.source === null && !opensWithName(claim.actor.split(/\s+/)))
  );
}

/**
 * Claims of an article by rule: sentence by sentence, clause by clause, with the quote being the
 * sentence itself, so every claim grounds exactly.
 */
export function extractRuleClaims(article: ArticleForExtraction): ExtractorClaim[] {
  const lex = lexiconFor(article.language);
  const claims: ExtractorClaim[] = [];
  const seen = new Set<string>();
  let previous: ExtractorClaim[] = [];
  // Names a later pronoun can point back to, nearest first; the speaker whose words a following sentence may go on
  // with.
  let antecedents: string[] = [];
  let speaker: string | null = null;
  // A German speaker whose words paused for one sentence of the article's own: a Konjunktiv I after it goes on with
  // what they said ("X sagte, … . Die Systeme sind komplexer. Das Projekt mache gute Fortschritte.").
  let resting: string | null = null;
  // Whether the sentence before ended inside a quotation, so this one is still the speaker's words.
  let quotationOpen = false;
  // German claims of a quotation still open whose source is the speaker before or none: a ", erklärte X" where the
  // quotation closes names their speaker ("„… Fehler. Sie schaden …“, erklärte X.").
  let openQuotation: { claims: ExtractorClaim[]; carried: string | null } | null = null;
  let previousEnd = 0;
  const firstAt = firstOccurrence(article.text);
  for (const sentence of splitSentences(article.text, article.language, lex.abbreviations, lex.months)) {
    // A quotation left open (or never closed by a typo) does not run past its paragraph.
    const quoted = quotationOpen && !article.text.slice(previousEnd, sentence.start).includes('\n');
    quotationOpen = leavesQuotationOpen(sentence.text, article.language, quoted);
    previousEnd = sentence.end;
    const sentenceTokens = tokenize(sentence.text);
    if (!isClaimSentence(sentence, article, sentenceTokens, lex)) {
      previous = [];
      continue;
    }
    const voice: string | null = speaker ?? resting;
    const continues: boolean =
      (speaker !== null && quoted) ||
      (voice !== null && (isReportedSpeech(sentenceTokens, lex) || opensQuotation(sentence.text)));
    const {
      tokens,
      drafts,
      backSource,
      speaker: speaking,
    } = analyseSentence(sentence.text, lex, continues ? voice : null, quoted);
    if (backSource) for (const claim of previous) claim.source ??= backSource;
    const current: ExtractorClaim[] = [];
    const named: string[] = [];
    for (const draft of drafts) {
      // "Hij opende …", "She said …": the nearest name before stands in the actor; the quote keeps the pronoun.
      // "Er sagte, …": a pronoun speaker is resolved the same way; a claim nobody checkable said is left out.
      if (draft.source) {
        const source = resolveActor(draft.source, [...named, ...antecedents], lex);
        if (source === null) continue;
        draft.source = source;
      }
      const written = draft.actorName ?? writtenActor(sentence.text, tokens, draft);
      const actor = resolveActor(
        written,
        [...named, ...antecedents],
        lex,
        draft.source ?? (continues ? voice : null),
        pronounNumber(written, draft, tokens, lex),
      );
      if (actor === null) continue;
      if (actor !== written) draft.actorName = actor;
      const claim = toClaim(sentence.text, tokens, draft, lex);
      if (!claim) continue;
      if (isOpinion(claim.actor, claim.action, claim.source, article.language)) continue;
      if (isNamed(claim.source, lex)) named.unshift(claim.source);
      if (isNamed(claim.actor, lex)) named.push(claim.actor);
      // Grounding finds the first occurrence; a clause repeated earlier in the article would land there.
      if (claim.quote !== sentence.text && firstAt(claim.quote) < sentence.start) claim.quote = sentence.text;
      const key = `${claim.actor}\u0000${claim.action}\u0000${claim.quote}`;
      if (seen.has(key)) continue;
      seen.add(key);
      current.push(claim);
      claims.push(claim);
    }
    previous = current;
    if (lex.language === 'de') {
      if (!quoted) openQuotation = null;
      if (openQuotation && !quotationOpen) {
        // The quotation closes here: its own attribution is the speaker of the whole quotation.
        const closingSource = current.find((claim) => claim.source !== null && claim.source !== voice)?.source ?? null;
        if (closingSource)
          for (const claim of openQuotation.claims)
            if (claim.source === null || claim.source === openQuotation.carried) claim.source = closingSource;
        openQuotation = null;
      } else if (quotationOpen) {
        openQuotation ??= { claims: [], carried: continues ? voice : null };
        openQuotation.claims.push(...current);
      }
    }
    // In German every noun is capitalised: a run of capitals there is as often a noun phrase as a name.
    const written = lex.language === 'de' ? [] : namesIn(sentence.text, tokens, lex).reverse();
    const fresh = [...named, ...written.filter((name) => !named.includes(name))];
    if (fresh.length) antecedents = [...fresh, ...antecedents].slice(0, 6);
    // A speaker holds while their words go on; a sentence of the article's own ends the run.
    const said: string | null =
      speaking !== null && speaking !== speaker ? resolveActor(speaking, antecedents, lex) : null;
    const spoken: string | null =
      current.find((claim) => claim.source !== null && isNamed(claim.source, lex) && !possessive(claim.source, lex))
        ?.source ?? (isNamed(said, lex) ? said : null);
    // "Greta Lind kommentierte die Preiserhöhung:": a sentence ending in a colon hands the word to its actor.
    const introduced = /:\s*$/.test(sentence.text)
      ? (current.find((claim) => isNamed(claim.actor, lex))?.actor ?? null)
      : null;
    const next: string | null = introduced ?? spoken ?? (continues ? voice : null);
    resting =
      next === null && speaker !== null && lex.language === 'de' && isNeutral(current, sentenceTokens, lex)
        ? speaker
        : null;
    speaker = next;
  }
  return claims;
}
