import type { GlossEntry } from './gloss-lexicon.ts';
import type { CompiledLexicon } from './lexicon.ts';
import type { Token } from './tokens.ts';

/** One token with its English and what kind of verb form it is, if any. */
export type Glossed = GlossEntry & { token: Token; auxiliary: boolean };

const isVerb = (item: Glossed) => item.role !== null || item.auxiliary;
const isFinite = (item: Glossed) => item.role === 'finite' || (item.auxiliary && item.role !== 'infinitive' && item.role !== 'participle');

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
function reorderClause(items: Glossed[], lex: CompiledLexicon): Glossed[] {
  const spoken = items.filter((item) => item.en);
  let start = spoken.length;
  while (start > 0 && (isVerb(spoken[start - 1]!) || (spoken[start - 1]!.token.lower === lex.infinitive && start < spoken.length))) start--;
  if (start === 0 || start === spoken.length) return spoken;
  const body = spoken.slice(0, start);
  const cluster = clusterOrder(spoken.slice(start), lex);
  const head = body[0]!.token.lower;
  let at: number;
  if (lex.subordinators.has(head) || lex.relatives.has(head)) {
    at = phraseEnd(body, 1, lex);
  } else {
    const secondVerb = body.findIndex((item, k) => k > 0 && isFinite(item));
    if (secondVerb > 0 && secondVerb <= 4) at = secondVerb + 1;
    else if (cluster.some(isFinite) && (lex.determiners.has(head) || lex.pronouns.has(head) || body[0]!.token.capital)) at = phraseEnd(body, 0, lex);
    else at = 0;
  }
  return [...body.slice(0, at), ...cluster, ...body.slice(at)];
}

/** The tokens clause by clause in English order; punctuation separates clauses and is not spoken. */
export function reorder(items: readonly Glossed[], lex: CompiledLexicon): Glossed[] {
  const out: Glossed[] = [];
  let clause: Glossed[] = [];
  for (const item of items) {
    if (item.token.kind === 'punct' && item.token.text !== '%') {
      out.push(...reorderClause(clause, lex));
      clause = [];
    } else {
      clause.push(item);
    }
  }
  out.push(...reorderClause(clause, lex));
  return out;
}
