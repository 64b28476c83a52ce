import type { GlossEntry } from './gloss-lexicon.ts';
import type { CompiledLexicon } from './lexicon.ts';
import type { Token } from '../text/tokens.ts';

/** One token with its English and what kind of verb form it is, if any. */
export type Glossed = GlossEntry & { token: Token; auxiliary: boolean };

const isVerb = (item: Glossed) => item.role !== null || item.auxiliary;
const isFinite = (item: Glossed) =>
  item.role === 'finite' || (item.auxiliary && item.role !== 'infinitive' && item.role !== 'participle');

const startsPhrase = (item: Glossed, lex: CompiledLexicon) =>
  !isVerb(item) &&
  (lex.pronouns.has(item.token.lower) ||
    lex.determiners.has(item.token.lower) ||
    item.token.capital ||
    item.token.kind === 'number');

/** Where the noun phrase starting at `from` ends: a pronoun, a name, or a determiner with its adjectives and noun. */
function phraseEnd(items: readonly Glossed[], from: number, lex: CompiledLexicon): number {
  const first = items[from]?.token;
  if (!first) return from;
  if (lex.pronouns.has(first.lower)) return from + 1;
  if (!lex.determiners.has(first.lower) && !lex.numbers.has(first.lower) && first.kind !== 'number') {
    let end = from + 1;
    if (first.capital) while (items[end]?.token.capital && !isVerb(items[end]!)) end++;
    return end;
  }
  // German nouns are capitalised; a Dutch noun is the first word that is not an inflected adjective.
  for (let k = from + 1; k < Math.min(items.length, from + 5); k++) {
    const item = items[k]!;
    if (isVerb(item) || item.token.kind === 'punct') return k;
    const noun = lex.language === 'de' ? item.token.capital : !item.token.lower.endsWith('e') || k === from + 4;
    if (noun) {
      let end = k + 1;
      while (items[end]?.token.capital && item.token.capital && lex.language === 'nl') end++;
      return end;
    }
  }
  return from + 1;
}

/** English order of a verb cluster: the finite verb first; German stacks the rest back to front. */
function clusterOrder(cluster: Glossed[], lex: CompiledLexicon): Glossed[] {
  const finite = cluster.filter(isFinite);
  const rest = cluster.filter((item) => !isFinite(item));
  const marker = rest.some((item) => item.token.lower === lex.infinitive);
  return [...finite, ...(lex.language === 'de' && !marker ? rest.reverse() : rest)];
}

/**
 * One clause (no punctuation inside) in English order. Dutch and German put the verbs last in
 * subordinate clauses and after the object in main clauses ("heeft het plan goedgekeurd"); English
 * puts them after the subject: "dass die Regierung das Gesetz beschlossen hat" → "that the
 * government has decided the law"; an object without its verb ("das Gesetz beschlossen") gets the
 * verb in front.
 */
type After = 'start' | 'comma' | 'subordinate';

/** "om Zoom te gebruiken voor …" → "to use Zoom for …": the marked infinitive right after the opener. */
function openerClause(spoken: Glossed[], lex: CompiledLexicon, opener: string): Glossed[] {
  const head = { ...spoken[0]!, en: opener };
  const marker = spoken.findIndex(
    (item, k) => k > 0 && item.token.lower === lex.infinitive && spoken[k + 1] && isVerb(spoken[k + 1]!),
  );
  if (marker < 0) return [head, ...spoken.slice(1)];
  let end = marker + 1;
  while (spoken[end] && isVerb(spoken[end]!)) end++;
  return [head, ...spoken.slice(marker, end), ...spoken.slice(1, marker), ...spoken.slice(end)];
}

function reorderClause(items: Glossed[], lex: CompiledLexicon, after: After): Glossed[] {
  let spoken = items.filter((item) => item.en || lex.gloss.openers.has(item.token.lower));
  const opener = spoken[0] && lex.gloss.openers.get(spoken[0].token.lower);
  if (opener !== undefined) return openerClause(spoken, lex, opener).filter((item) => item.en);
  // Verb first, subject next, after a fronted subordinate clause: "Obwohl …, gerieten die Einwohner" → "the residents
  // got".
  if (after === 'subordinate' && spoken.length > 2 && isFinite(spoken[0]!) && startsPhrase(spoken[1]!, lex)) {
    const end = phraseEnd(spoken, 1, lex);
    spoken = [...spoken.slice(1, end), spoken[0]!, ...spoken.slice(end)];
  }
  let start = spoken.length;
  while (
    start > 0 &&
    (isVerb(spoken[start - 1]!) || (spoken[start - 1]!.token.lower === lex.infinitive && start < spoken.length))
  )
    start--;
  if (start === 0 || start === spoken.length) return spoken;
  const body = spoken.slice(0, start);
  // "… und begannen": the second of two coordinated verbs stays where it is.
  if (lex.coordinators.has(body.at(-1)!.token.lower)) return spoken;
  const cluster = clusterOrder(spoken.slice(start), lex);
  const head = body[0]!.token.lower;
  let at: number;
  if (cluster[0]!.token.lower === lex.infinitive) {
    // "heeft besloten de grens te sluiten" → "has decided to close the border": after the last verb
    // or the last "and" ("zu verzichten und andere Anbieter zu nutzen"), else first.
    at =
      Math.max(
        body.findLastIndex(isVerb),
        body.findLastIndex((item) => lex.coordinators.has(item.token.lower)),
      ) + 1;
  } else if (after !== 'start' && lex.relatives.has(head)) {
    // Articles double as relative pronouns ("die", "der"): a relative clause follows a comma, and
    // its pronoun is mostly its subject: "das die Pläne geprüft hatte" → "that had examined the plans".
    body[0] = { ...body[0]!, en: 'that' };
    at = 1;
  } else if (lex.subordinators.has(head)) {
    at = phraseEnd(body, 1, lex);
  } else {
    const secondVerb = body.findIndex((item, k) => k > 0 && isFinite(item));
    if (secondVerb > 0 && secondVerb <= 4) at = secondVerb + 1;
    else if (cluster.some(isFinite) && (lex.determiners.has(head) || lex.pronouns.has(head) || body[0]!.token.capital))
      at = phraseEnd(body, 0, lex);
    else at = 0;
  }
  return [...body.slice(0, at), ...cluster, ...body.slice(at)];
}

/** The tokens clause by clause in English order; punctuation separates clauses and is not spoken. */
export function reorder(items: readonly Glossed[], lex: CompiledLexicon): Glossed[] {
  const out: Glossed[] = [];
  let clause: Glossed[] = [];
  let after: After = 'start';
  for (const item of items) {
    const punct = item.token.kind === 'punct' && item.token.text !== '%';
    // A subordinate clause starts at its conjunction, with or without a comma before it.
    if (
      punct ||
      ((lex.subordinators.has(item.token.lower) || lex.gloss.openers.has(item.token.lower)) && clause.length)
    ) {
      out.push(...reorderClause(clause, lex, after));
      const subordinate = clause[0] && lex.subordinators.has(clause[0].token.lower);
      after = !punct ? 'start' : item.token.text !== ',' ? 'start' : subordinate ? 'subordinate' : 'comma';
      clause = [];
    }
    if (!punct) clause.push(item);
  }
  out.push(...reorderClause(clause, lex, after));
  // A "te"/"zu" whose verb is not among these tokens (it is the claim's own verb) says nothing.
  return out.filter((item, k) => item.token.lower !== lex.infinitive || (out[k + 1] && isVerb(out[k + 1]!)));
}
