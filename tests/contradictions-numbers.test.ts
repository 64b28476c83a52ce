import { describe, expect, it } from 'vitest';
import { parseLocaleNumber, parseQuantities } from '../pipeline/contradictions/numbers.ts';

describe('reading quantities the way each language writes them', () => {
  it.each([
    ['nl', '7,5', 7.5],
    ['nl', '1.000', 1000],
    ['nl', '200.000', 200000],
    ['nl', '1.234,5', 1234.5],
    ['de', '7,5', 7.5],
    ['de', '1.000', 1000],
    ['de', '2.5', 2.5],
    ['en', '7.5', 7.5],
    ['en', '1,000', 1000],
    ['en', '1,234.5', 1234.5],
    ['en', '7,5', 7.5],
  ] as const)('%s reads %s as %d', (language, literal, value) => {
    expect(parseLocaleNumber(literal, language)).toBe(value);
  });

  it.each([
    ['nl', "zo'n 700 mensen", { value: 700, unit: 'people', qualifier: 'about' }],
    ['nl', 'ruim 3,5 miljard euro', { value: 3.5e9, unit: 'euro', qualifier: 'more' }],
    ['nl', '7,5 procent', { value: 7.5, unit: 'percent', qualifier: 'exact' }],
    ['de', '200 Millionen Nutzer', { value: 2e8, unit: 'people', qualifier: 'exact' }],
    ['de', 'mehr als 1.000 Geräte', { value: 1000, unit: 'devices', qualifier: 'more' }],
    ['de', '7,5 %', { value: 7.5, unit: 'percent', qualifier: 'exact' }],
    ['en', 'about 300 million daily users', { value: 3e8, unit: 'people', qualifier: 'about' }],
    ['en', '7.5 percent', { value: 7.5, unit: 'percent', qualifier: 'exact' }],
    ['en', '$5 billion', { value: 5e9, unit: 'dollar', qualifier: 'exact' }],
    ['en', 'nearly 400 ships', { value: 400, unit: 'ships', qualifier: 'nearly' }],
    ['en', 'nearly 400 stranded freighters', { value: 400, unit: null, qualifier: 'nearly' }],
  ] as const)('%s: "%s"', (language, text, expected) => {
    expect(parseQuantities(text, language)).toEqual([expect.objectContaining(expected)]);
  });

  it.each([
    ['nl', 'op 7 april 2020 om 10:30 uur'],
    ['de', 'am 7. April 2020 wegen COVID-19'],
    ['en', 'on April 7, 2020 in Windows-10 builds'],
  ] as const)('%s: dates, years, times and names are not quantities: "%s"', (language, text) => {
    expect(parseQuantities(text, language)).toEqual([]);
  });
});
