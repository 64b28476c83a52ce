import { describe, expect, it } from 'vitest';
import { extractRuleClaims } from '../pipeline/rules/extract.ts';

const claimOf = (language: 'nl' | 'de' | 'en', text: string) => {
  const claims = extractRuleClaims({ articleId: 'conjunct', text, language });
  expect(claims.length).toBeGreaterThan(0);
  return claims[0]!;
};

/**
 * "A and not B" affirms A: the negation denies the second noun phrase only. Read as a negated clause,
 * a German "und keine" against an English "and not a" was flagged as a contradiction between translations.
 */
describe('a negation opening the second of two noun phrases', () => {
  it('leaves a German clause affirmed and keeps "no" in the English', () => {
    const claim = claimOf('de', 'Die Probe zeigt das Fell eines alten Tieres und keine Jungtierhaare.');
    expect(claim.polarity).toBe('affirmed');
    expect(claim.statement_en).toMatch(/\bno\b/);
  });

  it('leaves a Dutch clause affirmed', () => {
    expect(claimOf('nl', 'De kist bevatte oude munten en geen goudstaven.').polarity).toBe('affirmed');
  });

  it('leaves an English clause affirmed, said as written', () => {
    const claim = claimOf('en', 'The crate held old coins and not a single gold bar.');
    expect(claim.polarity).toBe('affirmed');
    expect(claim.statement_en).toBe('The crate held old coins and not a single gold bar.');
  });

  it('still negates a clause whose verb group is negated', () => {
    expect(claimOf('de', 'Die Probe zeigt keine Jungtierhaare.').polarity).toBe('negated');
    expect(claimOf('nl', 'De inspecteurs vonden geen goudstaven.').polarity).toBe('negated');
  });
});
