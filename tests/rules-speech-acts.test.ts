import { describe, expect, it } from 'vitest';
import { extractRuleClaims } from '../pipeline/rules/extract.ts';

const first = (language: 'nl' | 'de' | 'en', text: string) => {
  const claims = extractRuleClaims({ articleId: 'acts', text, language });
  expect(claims.length).toBeGreaterThan(0);
  return claims[0]!;
};

/**
 * DESIGN.md: the source is who asserts it. An act of saying (announcing, demanding, calling for,
 * advising, criticising) is its actor's own statement, in every language alike; a decision or a
 * measure is an act the article reports, so it has no source of its own.
 */
describe('acts of saying have their actor as source', () => {
  it.each([
    ['en', 'The harbour board announced a new ferry timetable for the winter.', 'The harbour board'],
    ['en', 'Two cyclist groups called for a cheaper monthly pass.', 'Two cyclist groups'],
    ['en', 'The union criticised the plan to close two depots.', 'The union'],
    ['nl', 'De havenraad kondigde een nieuwe dienstregeling voor de winter aan.', 'De havenraad'],
    ['nl', 'Fietsersbonden eisen een goedkoper maandabonnement.', 'Fietsersbonden'],
  ] as const)('%s: %s', (language, text, speaker) => {
    expect(first(language, text).source).toBe(speaker);
  });

  it.each([
    ['en', 'The harbour board decided to close the old pier.'],
    ['nl', 'De havenraad besloot de oude pier te sluiten.'],
  ] as const)('a decision has no source of its own (%s)', (language, text) => {
    expect(first(language, text).source).toBeNull();
  });
});

/**
 * An English claim is said in its own words: the verb list groups synonyms for finding claims ("built" under
 * develop, "sent" under route), and saying the group's head would change what the article wrote.
 */
describe('an English statement keeps the words of its article', () => {
  it.each([
    ['The old lighthouse was built in 1911.', /was built/],
    ['The ferry company sent two boats to the island.', /sent two boats/],
    ['The council would no longer fund the night bus.', /would no longer fund/],
  ] as const)('%s', (text, said) => {
    const claim = first('en', text);
    expect(claim.statement_en).toMatch(said);
    expect(claim.statement_origin).toBe('source');
  });
});
