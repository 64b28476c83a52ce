import type { ArticleForExtraction } from '../../schemas/article.ts';
import type { ExtractorClaim } from '../../schemas/claim.ts';
import { isQuote } from './clauses.ts';
import { glossTokens, statement, verbGloss } from './gloss.ts';
import { lexiconFor, type CompiledLexicon } from './lexicon.ts';
import { textOf } from './markers.ts';
import { analyseSentence, inVerbGroup, type Draft } from './sentence-claims.ts';
import { splitSentences } from './sentences.ts';
import { tokenize, type Token } from './tokens.ts';

/** Tokens as the text writes them, with a single space where tokens were left out between them. */
function joinTokens(sentence: string, tokens: readonly Token[], indices: readonly number[], lex: CompiledLexicon): string {
  const kept = [...new Set(indices)].sort((a, b) => a - b).filter((i) => !isQuote(tokens[i]));
  while (kept.length && tokens[kept[kept.length - 1]!]!.kind === 'punct' && tokens[kept[kept.length - 1]!]!.text !== '%') kept.pop();
  while (kept.length && tokens[kept[0]!]!.kind === 'punct') kept.shift();
  while (kept.length > 1 && lex.coordinators.has(tokens[kept[kept.length - 1]!]!.lower)) kept.pop();
  let out = '';
  kept.forEach((index, k) => {
    const before = kept[k - 1];
    if (before !== undefined) {
      out += before === index - 1 ? sentence.slice(tokens[before]!.end, tokens[index]!.start) : tokens[index]!.kind === 'punct' ? '' : ' ';
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
      // Negation and modals are said by the verb gloss; a negation the claim's polarity does not carry stays in the object.
      const negation = lex.negation.has(t.lower) && draft.polarity === 'negated';
      // Dutch and German keep "te"/"zu": the gloss puts it before its verb ("te sluiten" → "to close").
      const marker = t.lower === lex.infinitive && lex.language === 'en';
      return !negation && !marker && !lex.modal.match(tokens, i);
    })
    .sort((a, b) => a - b)
    .map((i) => tokens[i]!);
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
  return quote.length >= 40 ? quote : sentence;
}

/** The English of the auxiliary a clause without a lexicon verb stands on: "is", "has", "was". */
function auxiliaryGloss(draft: Draft, tokens: readonly Token[], lex: CompiledLexicon): string {
  const finite = draft.parse.finite === null ? null : tokens[draft.parse.finite]!;
  if (!finite) return '';
  if (lex.language === 'en') return lex.auxiliaries.has(finite.lower) ? finite.lower : '';
  return lex.gloss.get(finite.lower) ?? '';
}

function toClaim(sentence: string, tokens: readonly Token[], draft: Draft, lex: CompiledLexicon): ExtractorClaim | null {
  const written = draft.actor ? balance(textOf(sentence, tokens, draft.actor).replace(/^["'„“‘«]+|["'”’»]+$/gu, '').trim()) : '';
  const actor = draft.actorName ?? written;
  const action = joinTokens(sentence, tokens, draft.action, lex);
  if (!actor || !action) return null;
  const reason = draft.reason?.length ? joinTokens(sentence, tokens, draft.reason, lex) : null;
  const actorTokens = draft.actorName ? tokenize(draft.actorName) : tokens.slice(draft.actor!.from, draft.actor!.to);
  const statementEn = statement(
    lex.language === 'en' ? actor : glossTokens(actorTokens, lex),
    verbGloss(draft.parse.verb?.verb ?? null, draft.polarity, draft.modality, auxiliaryGloss(draft, tokens, lex)),
    glossTokens(objectTokens(draft, tokens, lex), lex),
    draft.reason?.length ? glossTokens(draft.reason.map((i) => tokens[i]!), lex) : null,
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
 * Claims of an article by rule: sentence by sentence, clause by clause, with the quote being the
 * sentence itself, so every claim grounds exactly.
 */
export function extractRuleClaims(article: ArticleForExtraction): ExtractorClaim[] {
  const lex = lexiconFor(article.language);
  const claims: ExtractorClaim[] = [];
  const seen = new Set<string>();
  let previous: ExtractorClaim[] = [];
  for (const sentence of splitSentences(article.text, article.language, lex.abbreviations, lex.months)) {
    const { tokens, drafts, backSource } = analyseSentence(sentence.text, lex);
    if (backSource) for (const claim of previous) claim.source ??= backSource;
    const current: ExtractorClaim[] = [];
    for (const draft of drafts) {
      const claim = toClaim(sentence.text, tokens, draft, lex);
      if (!claim) continue;
      // Grounding finds the first occurrence; a clause repeated earlier in the article would land there.
      if (claim.quote !== sentence.text && article.text.indexOf(claim.quote) < sentence.start) claim.quote = sentence.text;
      const key = `${claim.actor}\u0000${claim.action}\u0000${claim.quote}`;
      if (seen.has(key)) continue;
      seen.add(key);
      current.push(claim);
      claims.push(claim);
    }
    previous = current;
  }
  return claims;
}
