import { describe, expect, it } from 'vitest';
import { extractRuleClaims } from '../pipeline/rules/extract.ts';

const actorsOf = (language: 'nl' | 'de' | 'en', text: string) =>
  extractRuleClaims({ articleId: 'subject', text, language }).map((claim) => claim.actor);

describe('a subject is a whole noun phrase', () => {
  it('runs past the adjectives after "ein"/"eine", which is a German article here, not the number one', () => {
    expect(actorsOf('de', 'Die Ärztin sagte, dass eine doppelte Infektion vorliegt.')).toContain(
      'eine doppelte Infektion',
    );
    expect(actorsOf('de', 'Der Sprecher betonte, dass ein solcher Ausfall nicht zu erwarten sei.')).toContain(
      'ein solcher Ausfall',
    );
  });
});

/** Precision first: a claim whose subject is a clause cut from its sentence names nobody a reader can check. */
describe('no claim without a subject a reader can name', () => {
  it.each([
    ['de', 'Wohin das Schiff letztendlich gefahren ist, gab die Reederei nicht bekannt.', /^Wohin/],
    ['de', 'Die Regeln sind für die Kandidaten gebunden, die die Wahl gewonnen haben.', /gebunden$/],
  ] as const)('%s: %s', (language, text, bad) => {
    expect(actorsOf(language, text).some((actor) => bad.test(actor))).toBe(false);
  });

  it('keeps a Dutch subject whose noun looks like a participle ("gesprekken")', () => {
    expect(actorsOf('nl', 'Volgens de onderzoekers liep een deel van de gesprekken via servers in Canada.')).toContain(
      'een deel van de gesprekken',
    );
  });
});
