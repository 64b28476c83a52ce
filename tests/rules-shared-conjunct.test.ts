import { describe, expect, it } from 'vitest';
import { extractRuleClaims } from '../pipeline/rules/extract.ts';

const claimsOf = (language: 'nl' | 'de', text: string) =>
  extractRuleClaims({ articleId: 'conjunct', text, language }).map((claim) => [claim.actor, claim.action]);

/**
 * The second conjunct of "hat … geschickt und … erhalten" shares the first one's subject and auxiliary:
 * its noun phrase is what was received, not who received it.
 */
describe('a participle conjunct shares the subject of the clause before', () => {
  it('in German', () => {
    expect(
      claimsOf('de', 'Die Bürgermeisterin hat dem Verein zwei Briefe geschickt und freundliche Antworten erhalten.'),
    ).toContainEqual(['Die Bürgermeisterin', 'freundliche Antworten erhalten']);
  });

  it('in Dutch, where the clause stays one claim with its subject', () => {
    const claims = claimsOf(
      'nl',
      'De burgemeester heeft de vereniging twee brieven gestuurd en vriendelijke antwoorden gekregen.',
    );
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every(([actor]) => actor === 'De burgemeester')).toBe(true);
  });

  it('not when the conjunct has a finite verb and a subject of its own', () => {
    const claims = claimsOf('de', 'Die Regierung hat das Gesetz beschlossen und die Preise stiegen.');
    expect(claims.some(([actor]) => actor === 'die Preise')).toBe(true);
  });
});
