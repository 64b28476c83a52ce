import { describe, expect, it } from 'vitest';
import { resolveDate } from '../pipeline/dates/index.ts';
import type { PublishedDate, SupportedLanguage } from '../schemas/article.ts';

// Thursday 9 April 2020.
const DAY: PublishedDate = { iso: '2020-04-09', precision: 'day' };
const MONTH: PublishedDate = { iso: '2020-04', precision: 'month' };
const YEAR: PublishedDate = { iso: '2020', precision: 'year' };

type Row = [SupportedLanguage, string, string, string, 'day' | 'month' | 'year'];

describe('resolveDate against a publication date known to the day', () => {
  it.each<Row>([
    ['nl', 'vandaag', '2020-04-09', '2020-04-09', 'day'],
    ['nl', 'gisteren', '2020-04-08', '2020-04-08', 'day'],
    ['nl', 'afgelopen week', '2020-03-30', '2020-04-05', 'day'],
    ['nl', 'op 3 april', '2020-04-03', '2020-04-03', 'day'],
    ['nl', 'eind maart', '2020-03-21', '2020-03-31', 'month'],
    ['nl', 'begin deze maand', '2020-04-01', '2020-04-10', 'month'],
    ['nl', 'vorig jaar', '2019-01-01', '2019-12-31', 'year'],
    ['nl', 'in de jaren negentig', '1990-01-01', '1999-12-31', 'year'],
    ['de', 'am 8. April', '2020-04-08', '2020-04-08', 'day'],
    ['de', 'am Dienstag (7.4.)', '2020-04-07', '2020-04-07', 'day'],
    ['de', 'letzte Woche', '2020-03-30', '2020-04-05', 'day'],
    ['de', 'Mitte der 1990er Jahre', '1993-01-01', '1996-12-31', 'year'],
    ['de', 'im März', '2020-03-01', '2020-03-31', 'month'],
    ['de', 'heute', '2020-04-09', '2020-04-09', 'day'],
    ['en', 'today', '2020-04-09', '2020-04-09', 'day'],
    ['en', 'last week', '2020-03-30', '2020-04-05', 'day'],
    ['en', 'early this month', '2020-04-01', '2020-04-10', 'month'],
    ['en', 'at the end of March', '2020-03-21', '2020-03-31', 'month'],
    ['en', 'on Tuesday', '2020-04-07', '2020-04-07', 'day'],
    ['en', 'in 2019', '2019-01-01', '2019-12-31', 'year'],
  ])('%s "%s" is %s to %s (%s)', (language, expression, start, end, precision) => {
    expect(resolveDate(expression, language, DAY)).toEqual({
      date_start: start,
      date_end: end,
      date_precision: precision,
    });
  });
});

describe('resolveDate on a range or list of dates', () => {
  it.each<Row>([
    ['en', 'between January and March', '2020-01-01', '2020-03-31', 'month'],
    ['en', 'from 2 to 6 March', '2020-03-02', '2020-03-06', 'day'],
    ['en', 'from 2016 until 2018', '2016-01-01', '2018-12-31', 'year'],
    ['nl', 'in januari, februari en maart', '2020-01-01', '2020-03-31', 'month'],
    ['nl', 'van begin januari tot eind februari', '2020-01-01', '2020-02-29', 'month'],
    ['de', 'von Anfang Januar bis Ende März', '2020-01-01', '2020-03-31', 'month'],
    ['de', 'vom 2. bis 6. März', '2020-03-02', '2020-03-06', 'day'],
    ['de', 'zwischen Januar und März', '2020-01-01', '2020-03-31', 'month'],
  ])('%s "%s" spans its first end to its last: %s to %s (%s)', (language, expression, start, end, precision) => {
    expect(resolveDate(expression, language, DAY)).toEqual({
      date_start: start,
      date_end: end,
      date_precision: precision,
    });
  });

  it.each<Row>([
    ['en', 'on Tuesday and again later', '2020-04-07', '2020-04-07', 'day'],
    ['nl', 'op 3 april en daarna', '2020-04-03', '2020-04-03', 'day'],
  ])('%s "%s" with one date in it is that date: %s to %s (%s)', (language, expression, start, end, precision) => {
    expect(resolveDate(expression, language, DAY)).toEqual({
      date_start: start,
      date_end: end,
      date_precision: precision,
    });
  });
});

describe('resolveDate on a season', () => {
  it.each<Row>([
    ['de', 'im Frühjahr', '2020-03-01', '2020-05-31', 'month'],
    ['de', 'im Winter', '2019-12-01', '2020-02-29', 'month'],
    ['de', 'im Sommer 2021', '2021-06-01', '2021-08-31', 'month'],
    ['nl', 'afgelopen najaar', '2019-09-01', '2019-11-30', 'month'],
    ['nl', 'in het voorjaar', '2020-03-01', '2020-05-31', 'month'],
    ['en', 'last summer', '2019-06-01', '2019-08-31', 'month'],
    ['en', 'next winter', '2020-12-01', '2021-02-28', 'month'],
  ])('%s "%s" is the three months of it: %s to %s (%s)', (language, expression, start, end, precision) => {
    expect(resolveDate(expression, language, DAY)).toEqual({
      date_start: start,
      date_end: end,
      date_precision: precision,
    });
  });
});

describe('resolveDate without a publication date', () => {
  it.each<[SupportedLanguage, string]>([
    ['nl', 'vandaag'],
    ['nl', 'afgelopen week'],
    ['nl', 'op 3 april'],
    ['nl', 'eind maart'],
    ['de', 'am 8. April'],
    ['de', 'am Dienstag (7.4.)'],
    ['de', 'letzte Woche'],
    ['de', 'gestern'],
    ['en', 'today'],
    ['en', 'last week'],
    ['en', 'early this month'],
    ['en', 'at the end of March'],
  ])('%s "%s" gets no ISO date, because it depends on when the article appeared', (language, expression) => {
    expect(resolveDate(expression, language, undefined)).toEqual({
      date_start: null,
      date_end: null,
      date_precision: null,
    });
  });

  it.each<Row>([
    ['nl', 'op 3 april 2019', '2019-04-03', '2019-04-03', 'day'],
    ['de', 'Mitte der 1990er Jahre', '1993-01-01', '1996-12-31', 'year'],
    ['de', 'Ende März 2019', '2019-03-21', '2019-03-31', 'month'],
    ['en', 'in 2019', '2019-01-01', '2019-12-31', 'year'],
    ['en', 'on April 3, 2020', '2020-04-03', '2020-04-03', 'day'],
    ['en', 'in the mid-1990s', '1993-01-01', '1996-12-31', 'year'],
  ])('%s "%s" is absolute: %s to %s (%s)', (language, expression, start, end, precision) => {
    expect(resolveDate(expression, language, undefined)).toEqual({
      date_start: start,
      date_end: end,
      date_precision: precision,
    });
  });
});

describe('resolveDate against a publication date known only to the month or year', () => {
  it.each<[SupportedLanguage, string]>([
    ['nl', 'vandaag'],
    ['de', 'heute'],
    ['en', 'today'],
  ])('%s "%s" is the publication month', (language, expression) => {
    expect(resolveDate(expression, language, MONTH)).toEqual({
      date_start: '2020-04-01',
      date_end: '2020-04-30',
      date_precision: 'month',
    });
  });

  it.each<[SupportedLanguage, string]>([
    ['nl', 'afgelopen week'],
    ['de', 'letzte Woche'],
    ['en', 'last week'],
    ['en', 'on Tuesday'],
  ])('%s "%s" keeps month precision', (language, expression) => {
    const resolved = resolveDate(expression, language, MONTH);
    expect(resolved.date_precision).toBe('month');
    expect(resolved.date_start! <= '2020-04-01' || resolved.date_start!.startsWith('2020-04')).toBe(true);
    expect(resolved.date_end! >= resolved.date_start!).toBe(true);
  });

  it.each<Row>([
    ['nl', 'op 3 april', '2020-04-03', '2020-04-03', 'day'],
    ['de', 'am 8. April', '2020-04-08', '2020-04-08', 'day'],
    ['en', 'at the end of March', '2020-03-21', '2020-03-31', 'month'],
  ])('%s "%s" still resolves fully: %s to %s (%s)', (language, expression, start, end, precision) => {
    expect(resolveDate(expression, language, MONTH)).toEqual({
      date_start: start,
      date_end: end,
      date_precision: precision,
    });
  });

  it('"today" in an article known only to its year is that year', () => {
    expect(resolveDate('today', 'en', YEAR)).toEqual({
      date_start: '2020-01-01',
      date_end: '2020-12-31',
      date_precision: 'year',
    });
  });
});

describe('resolveDate on what is not a date', () => {
  it.each<[SupportedLanguage, string | null]>([
    ['en', null],
    ['en', ''],
    ['nl', 'de minister'],
    ['de', 'die Regierung'],
  ])('%s %j gets nothing', (language, expression) => {
    expect(resolveDate(expression, language, DAY)).toEqual({ date_start: null, date_end: null, date_precision: null });
  });

  it('keeps an ISO date as written', () => {
    expect(resolveDate('2021-06-30', 'en', undefined)).toEqual({
      date_start: '2021-06-30',
      date_end: '2021-06-30',
      date_precision: 'day',
    });
  });
});
