import { gapBefore, isVerb, type Words } from './identity.ts';
import type { Lexicons } from './lexicons.ts';

/** Words that open a clause about the noun before them ("the flaw that routed calls through China"). */
const RELATIVE = new Set(['that', 'which', 'who', 'whom', 'whose']);
const CLAUSE_END = /[,;:.!?()]/;

/**
 * Where an English statement's relative clauses are, as word indexes. "Zoom has fixed the flaw
 * that routed calls through China" claims a fix; the clause only says which flaw, and must not
 * make the claim read like "calls were routed through China". After a verb ("admitted that",
 * "showed, however, that") or a function word ("so that") the clause is no relative clause but
 * the claim itself.
 */
export function relativeClauses(text: Words, lexicons: Lexicons): Set<number> {
  const inside = new Set<number>();
  const { words } = text;
  for (let i = 1; i < words.length; i += 1) {
    const word = words[i]!;
    if (!RELATIVE.has(word) || lexicons.stopwords.en.has(words[i - 1]!)) continue;
    // "showed, however, that": a verb shortly before "that" is what governs it.
    if (words.slice(Math.max(0, i - (word === 'that' ? 2 : 1)), i).some((before) => isVerb(before, lexicons))) continue;
    let end = i;
    while (end < words.length && (end === i || !CLAUSE_END.test(gapBefore(text, end)))) inside.add(end++);
    i = end;
  }
  return inside;
}
