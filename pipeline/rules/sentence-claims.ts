import type { Modality, Polarity } from '../../schemas/claim.ts';
import { COMES_FINITE, CONDITIONAL, GIVES_FINITE, isComplement, isQuote, isVerbLike, splitClauses } from './clauses.ts';
import type { CompiledLexicon } from './lexicon.ts';
import { discourseFor, isReportedSpeech, opensQuotation } from './discourse.ts';
import { attachmentsEnd, findDates, findSources, inRange, OWNER_ATTACHING, sourceFor, textOf } from './markers.ts';
import { nounPhraseEnd, parseClause, range, type ClauseParse, type Range } from './parse.ts';
import { GERMAN_PARTICIPLE, modalityOf, polarityOf } from './stance.ts';
import type { Token } from '../text/tokens.ts';
import { tokenize } from '../text/tokens.ts';

/** A claim found in one sentence, as token ranges; `extract.ts` turns it into text. */
export type Draft = {
  parse: ClauseParse;
  actor: Range | null;
  action: number[];
  reason: number[] | null;
  source: string | null;
  date: string | null;
  polarity: Polarity;
  modality: Modality;
  /** The actor as the claim names it, when not its own words: the speaker for "he", "it", "zij". */
  actorName: string | null;
  /** First and last token of the evidence: the clause with its actor, reason and attribution. */
  span: Range;
};

export type SentenceAnalysis = {
  tokens: Token[];
  drafts: Draft[];
  /** "Dat meldt het persbureau.": a source for the claims of the sentence before. */
  backSource: string | null;
  /** Who speaks in this sentence ("Die Ministerin erklärte, …"), even when what they said gave no claim. */
  speaker: string | null;
};

/** Openers of an embedded yes/no question (English and Dutch). */
const QUESTION = new Set(['whether', 'of']);

/** Openers of a clause that dates the one it belongs to. */
const WHEN = new Set(['when', 'toen']);

/** The verb group, not its object: the verb, its particle, auxiliaries, and in English what stands before the verb. */
export function inVerbGroup(i: number, parse: ClauseParse, tokens: readonly Token[], lex: CompiledLexicon): boolean {
  const verb = parse.verb;
  if (verb && (i === verb.index || i === verb.particle || (lex.language === 'en' && i < verb.index))) return true;
  // "ist der Meinung, dass …": a German noun that completes the verb brings its article into the verb group.
  const nounParticle = verb?.particle != null && tokens[verb.particle]!.capital;
  if (nounParticle && i === verb.particle! - 1 && lex.determiners.has(tokens[i]!.lower)) return true;
  return lex.auxiliaries.has(tokens[i]!.lower);
}

/** Tokens of the verb phrase beyond the verb itself: its object, complements, adverbials. */
function objectOf(parse: ClauseParse, tokens: readonly Token[], lex: CompiledLexicon): number[] {
  return parse.action.filter((i) => {
    const t = tokens[i]!;
    return (
      !inVerbGroup(i, parse, tokens, lex) &&
      t.kind !== 'punct' &&
      !lex.negation.has(t.lower) &&
      !lex.fronted.has(t.lower)
    );
  });
}

/** "Its president, Christine Lagarde, said …": the comma cut the speaker off into a clause without a verb. */
function appositionOf(previous: ClauseParse | undefined): Range | null {
  return previous && previous.finite === null ? { from: previous.clause.from, to: previous.clause.to } : null;
}

/**
 * "Anna Beispiel, die Leiterin des Amtes, vermutet …": in German the speaker is the name with its apposition, every
 * verbless clause from the start of the sentence to the verb.
 */
function leadingApposition(parses: readonly ClauseParse[], index: number, lex: CompiledLexicon): Range | null {
  if (lex.language !== 'de' || index < 2 || parses[0]!.clause.from !== 0) return null;
  const before = parses.slice(0, index);
  return before.every((p) => p.finite === null) ? { from: 0, to: before[before.length - 1]!.clause.to } : null;
}

function placeOf(parse: ClauseParse, tokens: readonly Token[], lex: CompiledLexicon): Range | null {
  const object = objectOf(parse, tokens, lex).filter((i) => !lex.pronouns.has(tokens[i]!.lower));
  const first = object[0];
  if (first === undefined || !lex.prepositions.has(tokens[first]!.lower)) return null;
  const end = nounPhraseEnd(tokens, first + 1, parse.clause.to, lex);
  if (end > first + 1) return { from: first + 1, to: end };
  // "heißt es von offizieller Seite": a German noun after an adjective, without an article.
  const adjective = tokens[first + 1];
  const noun = tokens[first + 2];
  const germanNoun =
    lex.language === 'de' &&
    adjective?.kind === 'word' &&
    !adjective.capital &&
    ADJECTIVE_ENDING.test(adjective.lower) &&
    noun?.capital === true &&
    first + 2 < parse.clause.to;
  return germanNoun ? { from: first + 1, to: first + 3 } : null;
}

/**
 * "Wie es weiter hieß", "wie es aus Kreisen der Regierung hieß": a German "es" before the verb of saying names nobody;
 * the speaker is where it came from, or nobody (the claim is the outlet's). Undefined when the phrase has no "es".
 */
function expletiveSpeaker(speaker: Range, tokens: readonly Token[], lex: CompiledLexicon): Range | null | undefined {
  if (lex.language !== 'de') return undefined;
  let at = speaker.from;
  const opening = (t: Token) =>
    lex.coordinators.has(t.lower) ||
    lex.attributionOpeners.has(t.lower) ||
    lex.fronted.has(t.lower) ||
    t.lower === 'doch';
  while (at < speaker.to && opening(tokens[at]!)) at++;
  if (tokens[at]?.lower !== 'es') return undefined;
  for (let k = at + 1; k < speaker.to; k++) {
    if (!['aus', 'von', 'vom', 'seitens'].includes(tokens[k]!.lower)) continue;
    const end = nounPhraseEnd(tokens, k + 1, speaker.to, lex);
    if (end > k + 1) return { from: k + 1, to: end };
  }
  return null;
}

/** "Wie der Sender BBC meldete": the speaker is "der Sender BBC", not "Wie der Sender BBC". */
function withoutOpener(speaker: Range | null, tokens: readonly Token[], lex: CompiledLexicon): Range | null {
  if (!speaker || speaker.to - speaker.from < 2 || !lex.attributionOpeners.has(tokens[speaker.from]!.lower))
    return speaker;
  return { from: speaker.from + 1, to: speaker.to };
}

/** "Schools were told to stop": the subject of a passive attribution verb is told, not telling. */
function isPassive(parse: ClauseParse, tokens: readonly Token[], lex: CompiledLexicon): boolean {
  if (!parse.verb || parse.finite === null || parse.finite === parse.verb.index) return false;
  // In English the passive auxiliary stands right before the participle ("were told", "was told by").
  if (lex.language === 'en') return lex.passives.has(tokens[parse.verb.index - 1]?.lower ?? '');
  return lex.passives.has(tokens[parse.finite]!.lower);
}

/** An attribution verb's object is what was said, not where: "he wrote in a blog post" has none. */
function hasObject(parse: ClauseParse, tokens: readonly Token[], lex: CompiledLexicon): boolean {
  const object = objectOf(parse, tokens, lex);
  // "heißt es in einem Bericht", "zei hij": a pronoun right after the verb is its subject or an expletive.
  while (object.length && lex.pronouns.has(tokens[object[0]!]!.lower)) object.shift();
  // "wies darauf hin, dass …": a German pronominal adverb points ahead to what was said; it is no object of its own.
  while (object.length && lex.language === 'de' && CORRELATIVES.has(tokens[object[0]!]!.lower)) object.shift();
  // "erklärte der Vorsitzende, Karl Muster, in einer Mitteilung": the name in apposition to the speaker is no object.
  const named = lex.language === 'de' && parse.actor ? appositionAfter(tokens, parse.actor.to) : null;
  if (named) while (object.length && object[0]! < named) object.shift();
  // "Fluke schreef het volgende:", "She said the following:": what was said comes after the colon.
  if (object.length && object.every((i) => ANNOUNCING.has(tokens[i]!.lower))) return false;
  return object.length > 0 && !lex.prepositions.has(tokens[object[0]!]!.lower);
}

const ANNOUNCING = new Set(['het', 'the', 'volgende', 'following']);

/**
 * ", Karl Muster," or ", Karl Muster." right after a German speaker: the name in apposition; returns where it ends
 * (after its closing comma), or null.
 */
function appositionAfter(tokens: readonly Token[], at: number): number | null {
  if (tokens[at]?.text !== ',') return null;
  let k = at + 1;
  while (k < tokens.length && (tokens[k]!.capital || (tokens[k]!.text === '.' && tokens[k - 1]!.text.length === 1)))
    k++;
  const words = k - at - 1;
  if (words < 2 || words > 5) return null;
  const closes = k >= tokens.length || tokens[k]!.text === ',' || (tokens[k]!.text === '.' && k === tokens.length - 1);
  return closes ? k : null;
}

const CORRELATIVES = new Set(['darauf', 'darüber', 'dazu', 'davon', 'daran', 'dafür', 'dagegen', 'darum']);

/** "…, said Judge Mary Smith": an English attribution verb before its subject, closing the sentence. */
function invertedSpeaker(parse: ClauseParse, tokens: readonly Token[], lex: CompiledLexicon): Range | null {
  if (lex.language !== 'en' || parse.verb?.verb.kind !== 'say' || parse.verb.index !== parse.clause.from || parse.actor)
    return null;
  const end = nounPhraseEnd(tokens, parse.verb.index + 1, parse.clause.to, lex);
  // The speaker is the rest of the clause ("said the minister of health"), short and opening with a noun phrase,
  // not "said the minister would …".
  const rest = parse.clause.to - parse.verb.index - 1;
  const short = rest <= 8 && (end >= parse.clause.to - 1 || lex.prepositions.has(tokens[end]?.lower ?? ''));
  return end > parse.verb.index + 1 && short ? { from: parse.verb.index + 1, to: parse.clause.to } : null;
}

/** English drops "that": "X said the bank would stop …". The words after the verb, when they form a clause. */
function reportedSpeech(
  tokens: readonly Token[],
  parse: ClauseParse,
  skip: readonly boolean[],
  lex: CompiledLexicon,
): ClauseParse | null {
  if (lex.language !== 'en' || parse.verb?.verb.kind !== 'say' || !hasObject(parse, tokens, lex)) return null;
  let first = objectOf(parse, tokens, lex)[0]!;
  // "said no decision had been made": the negation opens what was said, and must not be lost with the verb group.
  if (first - 1 > parse.verb.index && lex.negation.has(tokens[first - 1]!.lower)) first--;
  const speech = parseClause(tokens, { from: first, to: parse.clause.to, kind: 'sub', opener: null }, skip, lex);
  return speech.finite !== null && speech.actor && speech.actor.from === first ? speech : null;
}

/** The noun phrase a relative clause hangs on: the words closing the clause before it. */
function antecedent(tokens: readonly Token[], previous: ClauseParse | undefined, lex: CompiledLexicon): Range | null {
  if (!previous) return null;
  // "… zouden vliegtuigen kortere routes kunnen nemen, waarmee …": a Dutch main clause with its auxiliary second ends
  // in its infinitive, and "waarmee" points back to the whole clause, not to a noun.
  const last = tokens[previous.clause.to - 1];
  const endsInInfinitive =
    lex.language === 'nl' &&
    previous.finite !== null &&
    previous.finite < previous.clause.to - 1 &&
    (previous.clause.kind === 'main' || previous.clause.kind === 'coord') &&
    last !== undefined &&
    last.kind === 'word' &&
    !last.capital &&
    /[^aeiou]en$/u.test(last.lower) &&
    lex.auxiliaries.has(tokens[previous.finite]!.lower) &&
    // "kunnen nemen": two verbs close the clause; "was nodig voor … stranden" ends in a plural noun.
    lex.auxiliaries.has(tokens[previous.clause.to - 2]?.lower ?? '');
  if (endsInInfinitive) return null;
  let start = previous.clause.to;
  while (start - 1 >= previous.clause.from && start > previous.clause.to - 6) {
    const t = tokens[start - 1]!;
    if (
      t.kind === 'punct' ||
      isVerbLike(tokens, start - 1, previous.clause.to, lex) ||
      lex.prepositions.has(t.lower) ||
      lex.negation.has(t.lower)
    )
      break;
    start--;
  }
  return start < previous.clause.to ? { from: start, to: previous.clause.to } : null;
}

const ADJECTIVE_ENDING = /(?:e|en|em|er|es)$/u;

/**
 * "Die Sprecherin der Partei, Anna Muster: „Wir …“": a sentence that opens with a name and no verb, then a
 * colon and a quotation, names the speaker of that quotation.
 */
function colonSpeaker(
  tokens: readonly Token[],
  previous: ClauseParse | undefined,
  colon: number,
  quotationFrom: number,
  lex: CompiledLexicon,
): Range | null {
  if (!previous || previous.finite !== null || previous.clause.from !== 0 || previous.clause.to !== colon) return null;
  const quoted = tokens.slice(colon + 1, quotationFrom).some((t) => isQuote(t));
  const words = tokens.slice(0, colon).filter((t) => t.kind === 'word');
  if (!quoted || !words.length || words.length > 12 || !words[0]!.capital) return null;
  // A name and its title: lowercase only articles, prepositions and adjectives ("vom baden-württembergischen
  // Ministerium"), never a verb ("Unterstützung bekam Santorum von …").
  const inName = (t: Token) =>
    t.capital ||
    lex.determiners.has(t.lower) ||
    lex.prepositions.has(t.lower) ||
    lex.coordinators.has(t.lower) ||
    ADJECTIVE_ENDING.test(t.lower);
  if (!words.every(inName)) return null;
  return { from: 0, to: colon };
}

/** The reason inside a clause: what follows "because of", "vanwege", "wegen", cut from the action. */
function splitReason(draft: Draft, tokens: readonly Token[], lex: CompiledLexicon): void {
  for (let k = 0; k < draft.action.length; k++) {
    const i = draft.action[k]!;
    const match = lex.causal.match(tokens, i);
    if (!match || (match.length === 1 && lex.subordinators.has(tokens[i]!.lower))) continue;
    const rest = draft.action.slice(k).filter((j) => j >= i + match.length);
    if (!rest.length) continue;
    draft.reason = [...(draft.reason ?? []), ...rest];
    draft.action = draft.action.slice(0, k);
    return;
  }
}

/**
 * Every claim of one sentence, with its source, reason and date, as token ranges. `carried` is the
 * speaker of the sentence before when this one goes on with what they said (Konjunktiv I, a quotation).
 */
export function analyseSentence(
  sentence: string,
  lex: CompiledLexicon,
  carried: string | null = null,
  insideQuotation = false,
): SentenceAnalysis {
  const tokens = tokenize(sentence);
  const skip = new Array<boolean>(tokens.length).fill(false);
  const dates = findDates(sentence, tokens, lex, skip);
  const sources = findSources(sentence, tokens, lex, skip);
  const parses = splitClauses(tokens, skip, lex).map((clause) => parseClause(tokens, clause, skip, lex));
  const drafts: Draft[] = [];
  // "…, a spokesperson said.": every clause before an attribution at the end is attributed.
  // "…“, sagte Ben Muster gegenüber der Zeitung, der …": a German relative clause after it says who the speaker is.
  let closing = parses.length - 1;
  // "…“, sagte Jan Muster, der Vorsitzende der Partei.": and a verbless apposition names who they are.
  while (
    lex.language === 'de' &&
    closing > 1 &&
    (parses[closing]!.clause.kind === 'rel' || parses[closing]!.finite === null)
  )
    closing--;
  const final = parses[closing];
  const tail =
    closing > 0 &&
    final?.verb?.verb.kind === 'say' &&
    (!hasObject(final, tokens, lex) || invertedSpeaker(final, tokens, lex) !== null);
  const spokenBy = new Map<Draft, ClauseParse>();
  // Claims whose source is only the speaker of the sentence before: a ", sagte X" of their own overrides it.
  const carriedFrom = new Set<Draft>();
  let frame: { source: string; parse: ClauseParse } | null = null;
  let backSource: string | null = null;
  let last: Draft | null = null;
  let nestedSpeaker: Draft | null = null;
  let unnamedReport = false;
  let previous: ClauseParse | undefined;
  let frontedReason: number[] | null = null;
  let frontedWhen: Range | null = null;
  const actorText = (range: Range | null) => (range ? textOf(sentence, tokens, range) : null);
  for (const [index, original] of parses.entries()) {
    let parse = original;
    const speech = reportedSpeech(tokens, parse, skip, lex);
    const speakerRange = parse.actor ?? appositionOf(previous);
    if (speech && speakerRange) {
      // "Audrey Tang said government meetings would move …": what was said is the claim.
      frame = { source: actorText(speakerRange)!, parse };
      parse = speech;
    }
    const { clause, verb } = parse;
    if (clause.kind === 'cause' && last) {
      last.reason = [...(last.reason ?? []), ...range(clause.from, clause.to, null, skip)];
      previous = parse;
      continue;
    }
    // "Omdat de brug dicht was, reden …": a reason put before its main clause is that clause's reason.
    if (clause.kind === 'cause' && index === 0) {
      frontedReason = range(clause.from, clause.to, null, skip);
      previous = parse;
      continue;
    }
    // "422 ships were waiting when the vessel was refloated", "Toen de brand doofde, bleven …": the clause says when
    // its main clause happened, as its date.
    if (clause.kind === 'sub' && clause.opener !== null && WHEN.has(clause.opener) && (index === 0 || last)) {
      const when = { from: Math.max(0, clause.from - 1), to: clause.to };
      if (index === 0) frontedWhen = when;
      else if (last) {
        last.date ??= textOf(sentence, tokens, when);
        last.span = widen(last.span, when);
      }
      previous = parse;
      continue;
    }
    // "If the court rules against the firm, …": a condition is not said to have happened; "… onderzoeken of ze …",
    // "… asked whether they …": nor is a question, unless a claim before it takes it as its object.
    const question = clause.opener !== null && QUESTION.has(clause.opener) && !last;
    if (clause.kind === 'sub' && clause.opener !== null && (CONDITIONAL.has(clause.opener) || question)) {
      previous = parse;
      continue;
    }
    // "The ship, which carries 18,000 containers, was moved …": a relative clause inside the subject says which one;
    // the claim is what the subject's own verb says.
    if (clause.kind === 'rel' && previous?.clause.kind === 'subject') {
      previous = parse;
      continue;
    }
    // "Einige Delegierte haben erklärt, Romney zu unterstützen": what the speaker declared is the claim, their own.
    const declarer = clause.kind === 'inf' && !last && frame && frame.parse === previous ? frame.parse.actor : null;
    if (declarer && frame) {
      const said = frame.parse;
      const declared: Draft = {
        parse: said,
        actor: declarer,
        action: [...said.action, ...range(clause.from, clause.to, null, skip)],
        reason: null,
        source: frame.source,
        date: dates.find((d) => inRange(said.clause, d) || inRange(clause, d))?.text ?? null,
        polarity: polarityOf(said, tokens, lex),
        modality: modalityOf(said, declarer, tokens, lex),
        actorName: null,
        span: { from: Math.min(declarer.from, said.clause.from), to: clause.to },
      };
      drafts.push(declared);
      last = declared;
      previous = parse;
      continue;
    }
    const infinitive = verb !== null && tokens[verb.index - 1]?.lower === lex.infinitive && clause.kind === 'coord';
    if (
      last &&
      (clause.kind === 'inf' ||
        infinitive ||
        // "bestätigte eine Anweisung, wonach …": "wonach" says what the noun before holds, not what was said.
        (isComplement(clause) && (last.parse.verb?.verb.kind !== 'say' || clause.opener === 'wonach') && !frame) ||
        (isComplement(clause) && last === nestedSpeaker))
    ) {
      const opener = clause.from - 1;
      if (opener >= 0 && tokens[opener]!.kind === 'word') last.action.push(opener);
      last.action.push(...range(clause.from, clause.to, null, skip));
      if (last.polarity === 'affirmed') last.polarity = polarityOf(last.parse, tokens, lex, last.action);
      previous = parse;
      continue;
    }
    // "Dat meldt X", "Das berichtet X": the clause names the source of the sentence before.
    if (
      verb?.verb.kind === 'say' &&
      lex.demonstratives.has(tokens[clause.from]!.lower) &&
      parse.finite === clause.from + 1
    ) {
      const end = nounPhraseEnd(tokens, clause.from + 2, clause.to, lex);
      if (end > clause.from + 2) backSource = actorText({ from: clause.from + 2, to: end });
      previous = parse;
      continue;
    }
    const inverted = index === parses.length - 1 && index > 0 ? invertedSpeaker(parse, tokens, lex) : null;
    // "Die Kirche wies darauf hin, dass die Gläubigen erwarten, dass …": a German speaker inside what another one said
    // is the claim, with the outer speaker as its source; what they expect is its object.
    const nestedSpeech =
      lex.language === 'de' && frame !== null && verb?.verb.kind === 'say' && isComplement(clause) && !!parse.actor;
    if (
      verb?.verb.kind === 'say' &&
      (inverted || !hasObject(parse, tokens, lex)) &&
      !isPassive(parse, tokens, lex) &&
      !nestedSpeech
    ) {
      // "…, heißt es in einem Bericht": without a subject, the source is where it is written.
      const speaker = actorText(
        withoutOpener(
          // "… en vonden ze in een schuur": a conjunct's place is where something was found, not who says so.
          inverted ??
            (parse.actor && expletiveSpeaker(parse.actor, tokens, lex) !== undefined
              ? expletiveSpeaker(parse.actor, tokens, lex)
              : parse.actor) ??
            leadingApposition(parses, index, lex) ??
            appositionOf(previous) ??
            // "Muster war optimistisch und sagte: „…“": a German conjunct shares the subject of the clause before.
            (lex.language === 'de' && clause.kind === 'coord' ? (previous?.actor ?? null) : null) ??
            (clause.kind === 'coord' ? null : placeOf(parse, tokens, lex)),
          tokens,
          lex,
        ),
      );
      const isTail = index === closing && index > 0;
      if (speaker && isTail) {
        const named =
          (parse.actor && closingSpeaker(sentence, tokens, parse.actor, parses.slice(index + 1), lex)) ?? speaker;
        for (const draft of drafts)
          if (!draft.source || carriedFrom.has(draft)) {
            draft.source = named;
            spokenBy.set(draft, parse);
          }
      } else if (speaker) {
        frame = { source: speaker, parse };
      } else if (parse.actor && expletiveSpeaker(parse.actor, tokens, lex) === null) {
        // "Wie es weiter hieß, sei …": reported, by nobody named; what follows is a claim the outlet reports.
        unnamedReport = true;
      }
      previous = parse;
      continue;
    }
    const inClause = sourceFor(clause, sources, tokens.length);
    // "Greta Lind kommentierte die Erhöhung: „Ich habe …“": after a colon the clause before names the speaker.
    let before = clause.from - 1;
    // Opening quote marks stand between: „…, »…, and the Dutch ,, written as two commas.
    while (before > 0 && (isQuote(tokens[before]) || tokens[before]!.text === ',')) before--;
    if (tokens[before]?.text === ':' && previous?.actor && previous.finite !== null && !frame)
      frame = { source: actorText(previous.actor)!, parse: previous };
    const named =
      tokens[before]?.text === ':' && !frame ? colonSpeaker(tokens, previous, before, clause.from, lex) : null;
    if (named && previous) frame = { source: actorText(named)!, parse: previous };
    // The speaker of the sentence before holds for a clause that goes on in reported speech, not for the narrator's
    // own.
    const carriedHere =
      carried !== null &&
      (insideQuotation || opensQuotation(sentence) || isReportedSpeech(tokens.slice(clause.from, clause.to), lex))
        ? carried
        : null;
    // "Der Verband erklärte den Mitgliedern, dass …": a German verb of saying with an object is a claim of its own, and
    // the clause it introduces is what its actor said.
    // "X nannte zwölf Fälle von Schäden, die im Winter entstanden seien": a relative clause in Konjunktiv I is theirs
    // too.
    const saidOn =
      isComplement(clause) || (clause.kind === 'rel' && isReportedSpeech(tokens.slice(clause.from, clause.to), lex));
    const saidBy =
      lex.language === 'de' && last?.parse === previous && last?.parse.verb?.verb.kind === 'say' && saidOn
        ? last.source
        : null;
    const attributed =
      frame !== null || tail || inClause !== null || saidBy !== null || carriedHere !== null || unnamedReport;
    if (parse.finite === null) {
      previous = parse;
      continue;
    }
    let actor = parse.actor;
    const there = existentialSubject(parse, tokens, lex);
    if (there) actor = there.to > there.from ? there : null;
    const shared = sharedConjunctSubject(clause, parse, last, tokens, lex);
    if (shared) actor = shared;
    // A clause without a lexicon verb ("Das Ticket war ein Erfolg", "the rate was 11.9 percent") is a claim
    // when its subject is a noun phrase, not "es", "er" or "it".
    // Unattributed, it needs a figure to be worth checking: evaluations ("war teuer") are left out.
    if (
      !verb &&
      !attributed &&
      (!actor ||
        (actor.to - actor.from === 1 && lex.pronouns.has(tokens[actor.from]!.lower)) ||
        parse.action.length < 2 ||
        ![...parse.action, ...range(actor.from, actor.to, null, [])].some((i) => tokens[i]!.kind === 'number'))
    ) {
      previous = parse;
      continue;
    }
    if (!actor && clause.kind === 'rel') actor = antecedent(tokens, previous, lex);
    if (!actor && (clause.kind === 'coord' || clause.kind === 'sub') && last) actor = last.actor;
    // "Pieters is getrouwd met … en maakte …": a Dutch conjunct opening with its verb shares the subject of the clause
    // before it, also when that clause made no claim.
    if (!actor && lex.language === 'nl' && clause.kind === 'coord' && parse.finite === clause.from && previous?.actor)
      actor = previous.actor;
    if (!actor && clause.kind === 'sub') actor = antecedent(tokens, previous, lex);
    // "… as well as the old one does": a verb group with nothing to say ends a comparison, not a claim.
    const saysNothing = parse.action.every((i) => lex.auxiliaries.has(tokens[i]!.lower) || tokens[i]!.kind === 'punct');
    if (!actor || parse.action.length === 0 || saysNothing) {
      previous = parse;
      continue;
    }
    // "Na afloop reageerde Jansen: '…'": a verb with nothing after it but a colon hands the word to what follows.
    if (tokens[clause.to]?.text === ':' && objectOf(parse, tokens, lex).length === 0) {
      previous = parse;
      continue;
    }
    const self = sources.find((s) => s.self && s.marker >= clause.from && s.marker < clause.to);
    const draft: Draft = {
      parse,
      actor,
      // "gab es keine Verletzten" says its verb without the thing; "kam es zu einer Schlägerei" keeps what it came to.
      action: shared
        ? range(clause.from, clause.to, null, []).filter((i) => tokens[i]!.kind !== 'punct')
        : there && !['zu', 'zum', 'zur'].includes(tokens[there.from - 1]?.lower ?? '')
          ? parse.action.filter((i) => i < there.from || i >= there.to)
          : [...parse.action],
      reason: null,
      // "… reported no damage and that the cranes …": a "that" clause after a say verb's own claim is its speaker's too.
      source: self
        ? actorText(actor)
        : (frame?.source ??
          inClause ??
          saidBy ??
          carriedHere ??
          (andThat(clause, tokens, lex) && last?.parse.verb?.verb.kind === 'say' ? last.source : null)),
      date: dates.find((d) => inRange(clause, d))?.text ?? null,
      polarity: polarityOf(parse, tokens, lex),
      modality: modalityOf(parse, actor, tokens, lex),
      actorName: null,
      span: { from: Math.min(actor.from, clause.from), to: Math.max(actor.to, clause.to) },
    };
    const base = verb?.verb.en.split('|')[0] ?? '';
    // "Zoom hat eingeräumt, dass …", "The company admitted …": a speech act is its actor's own statement.
    // "Der Professor bezeichnete das Engagement als vorbildlich": whoever says, calls or warns is the source of what
    // they say.
    // A speaker of its own ("Die Firma gab zu, …") outranks the one carried from the sentence before.
    // "No injuries were reported", "werd door X ontdekt": the subject of a passive is what was said, not who said it.
    const onlyCarried = !self && !frame && !inClause && draft.source === carriedHere;
    if (
      (!draft.source || (onlyCarried && parse.actor)) &&
      (lex.speechActs.has(base.split(' ')[0]!) || verb?.verb.kind === 'say') &&
      !isPassive(parse, tokens, lex)
    )
      draft.source = actorText(actor);
    if (!self && !frame && !inClause && carriedHere !== null && draft.source === carriedHere) carriedFrom.add(draft);
    const inSentence = sources.find((s) => !s.self && s.text === draft.source);
    if (inSentence) draft.span = widen(draft.span, { from: inSentence.marker, to: inSentence.range.to });
    // "would publish a report and review its encryption": the second verb shares the first one's modal.
    if (!parse.actor && last && draft.modality === 'fact') draft.modality = last.modality;
    if (frame) spokenBy.set(draft, frame.parse);
    if (frontedWhen) {
      draft.date ??= textOf(sentence, tokens, frontedWhen);
      draft.span = widen(draft.span, frontedWhen);
      frontedWhen = null;
    }
    if (frontedReason) {
      draft.reason = frontedReason;
      frontedReason = null;
    }
    splitReason(draft, tokens, lex);
    if (nestedSpeech) nestedSpeaker = draft;
    drafts.push(draft);
    last = draft;
    previous = parse;
  }
  // A claim without a date of its own takes the date of its attribution ("…, Eurostat said on 1 April"),
  // or the only date of the sentence that no claim or reason holds.
  const held = [
    ...drafts.map((d) => d.parse.clause),
    ...parses.filter((p) => p.clause.kind === 'cause').map((p) => p.clause),
    // "De burgemeester, die in mei aantrad, kondigde … aan": a relative clause's date says when its own verb happened.
    ...parses.filter((p) => p.clause.kind === 'rel' && p.finite !== null).map((p) => p.clause),
  ];
  const unclaimed = dates.filter((d) => !held.some((clause) => inRange(clause, d)));
  for (const draft of drafts) {
    const speaker = spokenBy.get(draft);
    if (speaker) {
      draft.span = widen(draft.span, speaker.clause);
      if (speaker.actor) draft.span = widen(draft.span, speaker.actor);
      // "Zoom said that it has fixed …": the pronoun is the speaker.
      const single = draft.actor && draft.actor.to - draft.actor.from === 1 ? tokens[draft.actor.from]!.lower : null;
      const speakerIsPronoun = !!draft.source && lex.pronouns.has(draft.source.toLowerCase());
      // "It was a success, the minister said": "it" stands for a speaker that is a name or a body, not a person.
      const thing = single === 'it' && !nameOrBody(draft.source, lex);
      if (single && lex.pronouns.has(single) && !lex.demonstratives.has(single) && !speakerIsPronoun && !thing)
        draft.actorName = draft.source;
    }
    for (const i of draft.reason ?? []) draft.span = widen(draft.span, { from: i, to: i + 1 });
    for (const i of draft.action) draft.span = widen(draft.span, { from: i, to: i + 1 });
    if (draft.date) continue;
    draft.date =
      (speaker && dates.find((d) => inRange(speaker.clause, d))?.text) ||
      (unclaimed.length === 1 ? unclaimed[0]!.text : null);
  }
  return { tokens, drafts, backSource, speaker: frame?.source ?? drafts.find((d) => d.source)?.source ?? null };
}

/**
 * The German speaker of a closing attribution with what names them: "sagte Ben Muster vom Naturschutzbund",
 * "sagte Jan Muster, der Vorsitzende der Partei". The annotated speaker is the whole phrase, and a surname alone
 * would not tell two speakers of one name apart. Null where nothing is added.
 */
function closingSpeaker(
  sentence: string,
  tokens: readonly Token[],
  actor: Range,
  after: readonly ClauseParse[],
  lex: CompiledLexicon,
): string | null {
  if (lex.language !== 'de') return null;
  let to = attachmentsEnd(tokens, actor.to, tokens.length, lex, OWNER_ATTACHING);
  to = appositionAfter(tokens, to) ?? to;
  const apposition = after[0];
  // Only an apposition right after the name and closing the sentence: ", der Vorsitzende der Partei."
  if (apposition && after.length === 1 && apposition.finite === null && apposition.clause.from <= to + 1)
    to = apposition.clause.to;
  return to > actor.to ? textOf(sentence, tokens, { from: actor.from, to }) : null;
}

const GIVES = new Set([...GIVES_FINITE, 'geben', 'gaben', 'gegeben']);
const COMES = new Set([...COMES_FINITE, 'kommt', 'gekommen', 'kommen']);

/**
 * "sie habe ihm Briefe geschickt und freundliche Antworten erhalten", "hij heeft brieven gestuurd en antwoorden
 * gekregen": a German or Dutch conjunct that ends on a participle after a clause with an auxiliary shares that
 * clause's subject and auxiliary, so its noun phrase is the object, not the actor. The subject of the clause before,
 * or null when the conjunct is no such case ("… und die Preise stiegen" has a finite verb and a subject of its own).
 */
function sharedConjunctSubject(
  clause: ClauseParse['clause'],
  parse: ClauseParse,
  last: Draft | null,
  tokens: readonly Token[],
  lex: CompiledLexicon,
): Range | null {
  if (lex.language === 'en' || clause.kind !== 'coord' || !last?.actor || parse.finite === null) return null;
  if (last.parse.finite === null || !lex.auxiliaries.has(tokens[last.parse.finite]!.lower)) return null;
  let end = clause.to - 1;
  while (end > clause.from && tokens[end]!.kind === 'punct') end--;
  if (parse.finite !== end || !parse.actor || parse.actor.from !== clause.from) return null;
  const verb = tokens[end]!.lower;
  const entry = lex.gloss.entry(verb);
  const participle =
    entry?.role === 'participle' ||
    entry?.participle !== undefined ||
    (lex.language === 'de' && GERMAN_PARTICIPLE.test(verb));
  return participle ? last.actor : null;
}

/**
 * "Es gebe keine Verletzten", "Nach Angaben der Polizei gab es keine Verletzten", "Deutliche Änderungen gibt es
 * auch": German "es gibt" says that its object exists, so the object is what the claim is about; "es" names nothing a
 * reader could check. Null when the clause is no "es gibt"; an empty range when it is one without such an object
 * ("Nur gab es diesmal …" has no actor a reader could check).
 */
function existentialSubject(parse: ClauseParse, tokens: readonly Token[], lex: CompiledLexicon): Range | null {
  if (lex.language !== 'de' || parse.finite === null) return null;
  const { from, to } = parse.clause;
  const es = [parse.finite - 1, parse.finite + 1].find((k) => k >= from && k < to && tokens[k]!.lower === 'es');
  if (es === undefined) return null;
  const none = { from: parse.finite, to: parse.finite };
  // "Dabei kam es zu einer Demonstration", "ist es zu einem Zusammenstoß gekommen": what it came to.
  const comes = range(from, to, null, []).some((k) => COMES.has(tokens[k]!.lower));
  if (comes) {
    const zu = range(es + 1, to, null, []).find((k) => ['zu', 'zum', 'zur'].includes(tokens[k]!.lower));
    if (zu === undefined) return null;
    const end = nounPhraseEnd(tokens, zu + 1, to, lex);
    return end > zu + 1 ? { from: zu + 1, to: end } : none;
  }
  if (!GIVES.has(tokens[parse.finite]!.lower)) return null;
  // "Deutliche Änderungen gibt es …": the thing stands before the verb, as the clause's first phrase.
  const prefield = parse.actor;
  if (es > parse.finite && prefield && prefield.from === from && /^\p{Lu}/u.test(tokens[prefield.from]!.text)) {
    const first = tokens[prefield.from]!.lower;
    const adverb = lex.fronted.has(first) || lex.focusParticles.has(first) || lex.numbers.has(first);
    return adverb ? none : prefield;
  }
  let at = Math.max(es, parse.finite) + 1;
  const filler = (t: Token) =>
    lex.fronted.has(t.lower) ||
    lex.focusParticles.has(t.lower) ||
    ['da', 'noch', 'dort', 'hier', 'diesmal'].includes(t.lower);
  while (at < to && (filler(tokens[at]!) || isQuote(tokens[at]))) at++;
  let end = nounPhraseEnd(tokens, at, to, lex);
  // "45 neue Hinweise", "alte unsanierte Bahnhöfe": a number or nothing, adjectives and their noun.
  if (end === at || tokens[end - 1]!.kind === 'number' || lex.numbers.has(tokens[end - 1]!.lower)) {
    let k = end;
    while (k < to && !tokens[k]!.capital && ADJECTIVE_ENDING.test(tokens[k]!.lower)) k++;
    if (k > end && tokens[k]?.capital) end = k + 1;
  }
  return end > at ? { from: at, to: end } : none;
}

/** "… en dat …", "… and that …": a complement clause joined to the one before by a conjunction. */
function andThat(clause: ClauseParse['clause'], tokens: readonly Token[], lex: CompiledLexicon): boolean {
  return isComplement(clause) && lex.coordinators.has(tokens[clause.from - 2]?.lower ?? '');
}

/** "Zoom", "the company": a speaker that can be an "it". */
function nameOrBody(text: string | null, lex: CompiledLexicon): boolean {
  if (!text) return false;
  const words = text.split(/\s+/).filter(Boolean);
  const named = words.some((w, i) => /^\p{Lu}/u.test(w) && (i > 0 || !lex.determiners.has(w.toLowerCase())));
  return named || words.some((w) => discourseFor(lex.language).institutions.has(w.toLowerCase()));
}

const widen = (a: Range, b: Range): Range => ({ from: Math.min(a.from, b.from), to: Math.max(a.to, b.to) });
