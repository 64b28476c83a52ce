import { describe, expect, it } from 'vitest';
import { extractRuleClaims } from '../pipeline/rules/extract.ts';
import type { PublishedDate } from '../schemas/article.ts';

const PUBLISHED: PublishedDate = { iso: '2021-06-14', precision: 'day' };
const claimsOf = (text: string) => extractRuleClaims({ articleId: 'test', text, language: 'de', published: PUBLISHED });
/** The source of the claim whose action matches, or undefined when there is no such claim. */
const sourceOf = (text: string, action: RegExp) => claimsOf(text).find((claim) => action.test(claim.action))?.source;

// Invented sentences only: tests/devdata-not-copied.test.ts checks that none shares a six-word run with the devdata.
describe('German: what a speaker says to someone, or points out', () => {
  it.each<[string, RegExp, string]>([
    [
      'Die Sprecherinnen des Vereins erläutern den Gästen in ihren Briefen, dass die Halle im Winter geschlossen bleibt.',
      /geschlossen bleibt/u,
      'Die Sprecherinnen des Vereins',
    ],
    [
      'Der Imkerverband wies darauf hin, dass viele Mitglieder die neuen Regeln ablehnen.',
      /Regeln ablehnen/u,
      'Der Imkerverband',
    ],
  ])('%s → %s', (text, action, source) => {
    expect(sourceOf(text, action)).toBe(source);
  });

  it('"wies darauf hin" is no claim of its own: "darauf" points at what follows', () => {
    const claims = claimsOf('Der Imkerverband wies darauf hin, dass viele Mitglieder die neuen Regeln ablehnen.');
    expect(claims.map((claim) => claim.action)).toEqual(['die neuen Regeln ablehnen']);
  });

  it('a speaker inside what another one said is the claim, with the outer speaker as its source', () => {
    const claims = claimsOf(
      'Die Gemeinde im Norden wies darauf hin, dass die Pächter erwarten, dass mit den Gärten sorgsam umgegangen wird.',
    );
    expect(claims.map((claim) => [claim.actor, claim.source])).toEqual([['die Pächter', 'Die Gemeinde im Norden']]);
  });
});
