import { describe, expect, it } from 'vitest';
import type { ContradictionKind } from '../schemas/contradiction.ts';
import { detectContradictions, detectFindings } from '../pipeline/contradictions/detect.ts';
import { stancesIn } from '../pipeline/contradictions/features.ts';
import type { Language } from '../pipeline/contradictions/lexicon.ts';
import { placesIn, subjectOf, subjectsMatch } from '../pipeline/contradictions/subjects.ts';
import { claimRow, type ClaimSketch } from './support/contradiction-claims.ts';

const kindsFound = (...claims: ClaimSketch[]) => detectContradictions(claims.map(claimRow)).map((found) => found.kind);
const has = (kind: ContradictionKind, ...claims: ClaimSketch[]) => kindsFound(...claims).includes(kind);

describe('comparative idioms are not negations', () => {
  // [language, text with an idiom (rose), text with a real negation (did not rise)]
  it.each<[Language, string, string]>([
    ['de', 'Die Verbraucherpreise sind so stark gestiegen wie nie zuvor', 'Die Verbraucherpreise sind nicht gestiegen'],
    [
      'de',
      'Die Mieten sind so schnell gestiegen wie seit 1992 nicht mehr',
      'Die Mieten sind seit 1992 nicht mehr gestiegen',
    ],
    ['nl', 'De prijzen zijn gestegen als nooit tevoren', 'De prijzen zijn niet gestegen'],
    ['nl', 'De huren zijn sneller gestegen dan ooit', 'De huren zijn nooit gestegen'],
    ['en', 'Consumer prices rose like never before', 'Consumer prices never rose'],
    ['en', 'Rents have risen faster than ever', 'Rents have not risen'],
  ])('%s: "%s" takes the side it states; "%s" is negated', (language, idiom, negated) => {
    expect(stancesIn(idiom, language).get('direction of change')?.sign).toBe(1);
    expect(stancesIn(negated, language).get('direction of change')?.sign).toBe(-1);
  });

  const rose = (language: Language, action: string, statement: string): ClaimSketch => ({
    language,
    actor:
      language === 'en' ? 'Consumer prices' : language === 'de' ? 'Die Verbraucherpreise' : 'De consumentenprijzen',
    action,
    statement_en: statement,
  });
  it.each<[Language, string, string, string, string]>([
    [
      'de',
      'sind so stark gestiegen wie nie zuvor',
      'Consumer prices rose as never before.',
      'sind nicht gestiegen',
      'Consumer prices have not risen.',
    ],
    [
      'nl',
      'stegen als nooit tevoren',
      'Consumer prices rose as never before.',
      'stegen niet',
      'Consumer prices have not risen.',
    ],
    [
      'en',
      'have never been higher and rose like never before',
      'Consumer prices rose like never before.',
      'have not risen',
      'Consumer prices have not risen.',
    ],
  ])(
    '%s: an idiom against "rose" is no polarity contradiction; a real negation is',
    (language, idiom, idiomEn, negation, negationEn) => {
      const plain = rose('en', 'rose by 7.5 percent', 'Consumer prices rose by 7.5 percent.');
      expect(has('polarity', rose(language, idiom, idiomEn), plain)).toBe(false);
      expect(has('polarity', { ...rose(language, negation, negationEn), polarity: 'negated' }, plain)).toBe(true);
    },
  );
});

describe('figures about different places are not compared', () => {
  it.each<[Language, string, Language, string, string]>([
    [
      'en',
      'In the Netherlands, the rate was 11.9 percent.',
      'de',
      'Die Rate lag bei 5,9 Prozent.',
      'Die Rate lag in den Niederlanden bei 5,9 Prozent.',
    ],
    [
      'de',
      'In Deutschland lag die Inflation bei 7,3 Prozent.',
      'en',
      'Inflation stood at 5.9 percent.',
      'Inflation in Germany stood at 5.9 percent.',
    ],
    [
      'nl',
      'In België was de inflatie 9,3 procent.',
      'nl',
      'De inflatie was 7,5 procent.',
      'In België was de inflatie 7,5 procent.',
    ],
    [
      'en',
      'In Flanders, inflation was 9.3 percent.',
      'en',
      'Inflation was 7.5 percent.',
      'Flanders saw inflation of 7.5 percent.',
    ],
  ])(
    '%s: "%s" against a figure naming no place is no contradiction; against one naming that place it is',
    (languageA, quoteA, languageB, elsewhere, there) => {
      const claim = (language: Language, quote: string): ClaimSketch => ({
        language,
        actor: 'inflation',
        action: quote,
        quote,
        statement_en: quote,
        cluster_id: 'rate',
      });
      expect(has('numeric', claim(languageA, quoteA), claim(languageB, elsewhere))).toBe(false);
      expect(has('numeric', claim(languageA, quoteA), claim(languageB, there))).toBe(true);
    },
  );

  it.each<[Language, string, string[]]>([
    ['nl', 'In Nederland stegen de prijzen in maart', ['=netherlands']],
    ['de', 'Die Preise im Euroraum stiegen im März, in Deutschland weniger', ['=germany']],
    ['en', 'Prices in the Suez area rose in March', ['suez']],
  ])('%s: the places of "%s"', (language, text, places) => {
    expect([...placesIn(text, language)]).toEqual(places);
  });
});

describe('an undated figure belongs to the month its article is about', () => {
  const dated = (article: string, month: string, quote: string): ClaimSketch => ({
    article_id: article,
    language: 'de',
    actor: 'Die Inflation',
    action: quote,
    quote,
    statement_en: quote,
    cluster_id: 'rate',
    date: month,
    date_start: month,
    date_end: month,
    date_precision: 'month',
  });
  const undated = (article: string, quote: string): ClaimSketch => ({
    article_id: article,
    language: 'en',
    actor: 'Inflation',
    action: quote,
    quote,
    statement_en: quote,
    cluster_id: 'rate',
  });

  it('is not held against a figure of another month', () => {
    const march = [
      dated('a1', '2022-03', 'Die Preise stiegen im März.'),
      dated('a1', '2022-03', 'Im März stiegen die Mieten.'),
      undated('a1', 'Inflation was 7.5 percent.'),
    ];
    expect(has('numeric', ...march, dated('a2', '2022-02', 'Im Februar lag die Inflation noch bei 5,9 Prozent.'))).toBe(
      false,
    );
  });

  it('is compared with a figure of the same month', () => {
    const february = [
      dated('a1', '2022-02', 'Die Preise stiegen im Februar.'),
      dated('a1', '2022-02', 'Im Februar stiegen die Mieten.'),
      undated('a1', 'Inflation was 7.5 percent.'),
    ];
    expect(has('numeric', ...february, dated('a2', '2022-02', 'Im Februar lag die Inflation bei 5,9 Prozent.'))).toBe(
      true,
    );
  });
});

describe('across clusters, a shared verb needs one subject', () => {
  it.each<[string, string, boolean]>([
    ['Oil prices', 'The consumer prices in the euro area', false],
    ['Prices', 'Consumer prices in the eurozone', true],
    ["Taiwan's cabinet", 'Taiwan', true],
    ['The Taiwanese cabinet', "Taiwan's government", true],
    ['Annual inflation', 'Eurozone inflation', true],
    ['The rate measured by Eurostat', 'The rate', true],
    ['The German government', 'The Dutch government', false],
    ['Gas prices', 'Electricity prices', false],
  ])('"%s" and "%s" are one subject: %s', (a, b, same) => {
    expect(subjectsMatch(subjectOf(a), subjectOf(b))).toBe(same);
  });

  const prices = (language: Language, actor: string, action: string, statement: string): ClaimSketch => ({
    language,
    actor,
    action,
    statement_en: statement,
  });
  it.each<[Language, ClaimSketch, ClaimSketch]>([
    [
      'de',
      prices('de', 'Die Verbraucherpreise', 'sind gefallen', 'Consumer prices fell.'),
      prices('de', 'Die Ölpreise', 'sind gefallen', 'Oil prices fell.'),
    ],
    [
      'nl',
      prices('nl', 'De consumentenprijzen', 'zijn gedaald', 'Consumer prices fell.'),
      prices('nl', 'De olieprijzen', 'zijn gedaald', 'Oil prices fell.'),
    ],
    [
      'en',
      prices('en', 'Consumer prices', 'fell', 'Consumer prices fell sharply.'),
      prices('en', 'Oil prices', 'fell', 'Oil prices fell sharply.'),
    ],
  ])(
    '%s: "oil prices rose" against consumer prices falling is no contradiction; against oil prices falling it is',
    (_language, otherSubject, sameSubject) => {
      const oil = prices('en', 'Oil prices', 'rose', 'Oil prices rose because traders feared delays.');
      expect(has('polarity', oil, otherSubject)).toBe(false);
      expect(has('polarity', oil, sameSubject)).toBe(true);
    },
  );
});

describe('a modality disagreement is about one action', () => {
  const yuan = (
    language: Language,
    action: string,
    statement: string,
    modality: ClaimSketch['modality'] = 'fact',
  ): ClaimSketch => ({
    language,
    actor: 'Eric Yuan',
    action,
    statement_en: statement,
    modality,
    cluster_id: 'zoom-ceo',
  });
  it.each<[Language, ClaimSketch, ClaimSketch]>([
    [
      'nl',
      yuan('nl', 'bood zijn excuses aan', 'Eric Yuan offered apologies.'),
      yuan('nl', 'heeft nieuwe functies bevroren', 'Eric Yuan froze new features for 90 days.'),
    ],
    [
      'de',
      yuan('de', 'entschuldigte sich', 'Eric Yuan apologised.'),
      yuan('de', 'hat neue Funktionen eingefroren', 'Eric Yuan froze new features for 90 days.'),
    ],
    [
      'en',
      yuan('en', 'apologised', 'Eric Yuan apologised.'),
      yuan('en', 'froze new features', 'Eric Yuan froze new features for 90 days.'),
    ],
  ])(
    '%s: a promise to freeze features against an apology is none; against a done freeze it is',
    (language, otherAction, sameAction) => {
      const promised = {
        nl: 'beloofde nieuwe functies 90 dagen te bevriezen',
        de: 'versprach, neue Funktionen 90 Tage einzufrieren',
        en: 'promised a 90-day freeze on new features',
      }[language];
      const promise = yuan(language, promised, 'Eric Yuan promised a 90-day freeze on new features.', 'planned');
      expect(has('modality', promise, otherAction)).toBe(false);
      expect(has('modality', promise, sameAction)).toBe(true);
    },
  );

  it('holds a promise against a deed read across languages, and says why, while a ban against an advice is shown', () => {
    const promise = claimRow(
      yuan(
        'en',
        'promised a 90-day freeze on new features',
        'Eric Yuan promised a 90-day freeze on new features.',
        'planned',
      ),
    );
    const done = claimRow(yuan('de', 'hat neue Funktionen eingefroren', 'Eric Yuan froze new features for 90 days.'));
    const { shown, held } = detectFindings([promise, done]);
    expect(shown.filter((found) => found.kind === 'modality')).toEqual([]);
    expect(held.find((found) => found.kind === 'modality')?.held).toBe(
      'modalities other than advice against fact, read across languages',
    );
    const cabinet = (
      language: Language,
      action: string,
      statement: string,
      modality: ClaimSketch['modality'],
    ): ClaimSketch => ({
      language,
      actor: language === 'nl' ? 'Het kabinet' : 'The cabinet',
      action,
      statement_en: statement,
      modality,
      cluster_id: 'zoom-ban',
    });
    const banned = cabinet(
      'nl',
      'heeft Zoom verboden voor ambtenaren',
      'The cabinet banned Zoom for civil servants.',
      'fact',
    );
    const advised = cabinet(
      'en',
      'told civil servants they should avoid Zoom',
      'The cabinet said civil servants should avoid Zoom.',
      'advised',
    );
    expect(has('modality', banned, advised)).toBe(true);
  });
});

describe('one article contradicts itself only when two voices disagree', () => {
  const inArticle = (source: string | null, quote: string, statement: string): ClaimSketch => ({
    language: 'en',
    article_id: 'one-article',
    actor: 'The union',
    action: quote,
    quote,
    statement_en: statement,
    source,
    cluster_id: 'members',
  });
  it("holds a figure against a figure in the article's own voice, and shows one voice against another", () => {
    const own = inArticle('2,000 members', 'The union has 2,000 members.', 'The union has 2,000 members.');
    const also = inArticle('3,000 members', 'The union has 3,000 members.', 'The union has 3,000 members.');
    const { shown, held } = detectFindings([claimRow(own), claimRow(also)]);
    expect(shown).toEqual([]);
    expect(held.map((found) => found.held)).toContain('one article in one voice');
    const police = inArticle(
      'the police',
      'The union has 3,000 members, the police said.',
      'The union has 3,000 members.',
    );
    const organisers = inArticle(
      'the organisers',
      'The union has 5,000 members, the organisers said.',
      'The union has 5,000 members.',
    );
    expect(detectFindings([claimRow(police), claimRow(organisers)]).shown.map((found) => found.kind)).toContain(
      'numeric',
    );
  });
});

describe('across clusters, figures in one unit about one subject are compared whatever verb carries them', () => {
  const figure = (language: Language, actor: string, action: string, statement: string): ClaimSketch => ({
    language,
    actor,
    action,
    statement_en: statement,
  });
  // No news verb and no shared word past the subject: only the subject and the unit bring these together.
  const energy = figure(
    'en',
    'Energy prices',
    'lay 44.7 percent higher than a year earlier',
    'Energy prices lay 44.7 percent higher than a year earlier.',
  );
  it.each<[Language, ClaimSketch, ClaimSketch]>([
    [
      'de',
      figure(
        'de',
        'Die Energiepreise',
        'lagen um 47,4 Prozent über dem Vorjahresniveau',
        'The energy prices lay 47.4 percent above the previous year level.',
      ),
      figure(
        'de',
        'Die Gaspreise',
        'lagen um 47,4 Prozent über dem Vorjahresniveau',
        'The gas prices lay 47.4 percent above the previous year level.',
      ),
    ],
    [
      'nl',
      figure(
        'nl',
        'De energieprijzen',
        'lagen 47,4 procent boven het niveau van vorig jaar',
        'The energy prices lay 47.4 percent above the previous year level.',
      ),
      figure(
        'nl',
        'De gasprijzen',
        'lagen 47,4 procent boven het niveau van vorig jaar',
        'The gas prices lay 47.4 percent above the previous year level.',
      ),
    ],
    [
      'en',
      figure(
        'en',
        'The energy prices',
        'lay 47.4 percent above the previous year level',
        'The energy prices lay 47.4 percent above the previous year level.',
      ),
      figure(
        'en',
        'The gas prices',
        'lay 47.4 percent above the previous year level',
        'The gas prices lay 47.4 percent above the previous year level.',
      ),
    ],
  ])(
    '%s: 47.4 against 44.7 percent for energy prices is a contradiction; for gas prices it is none',
    (_language, same, other) => {
      expect(has('numeric', energy, same)).toBe(true);
      expect(has('numeric', energy, other)).toBe(false);
    },
  );
});

describe('figures of a denial and of an assertion answer different questions', () => {
  const poll = (action: string, statement: string, polarity: 'affirmed' | 'negated'): ClaimSketch => ({
    language: 'en',
    actor: 'Voters in the poll',
    action,
    statement_en: statement,
    polarity,
    cluster_id: 'poll',
  });
  it('holds "28 percent want it soon" against "33 percent never want it", and shows two assertions', () => {
    const soon = poll('28 percent want a new bridge soon', '28 percent of voters want a new bridge soon.', 'affirmed');
    const never = poll(
      '33 percent never want a new bridge',
      '33 percent of voters never want a new bridge.',
      'negated',
    );
    const { shown, held } = detectFindings([claimRow(soon), claimRow(never)]);
    expect(shown.filter((found) => found.kind === 'numeric')).toEqual([]);
    expect(held.map((found) => found.held)).toContain('one figure is of a denial, the other of an assertion');
    const also = poll('33 percent want a new bridge soon', '33 percent of voters want a new bridge soon.', 'affirmed');
    expect(detectFindings([claimRow(soon), claimRow(also)]).shown.map((found) => found.kind)).toContain('numeric');
  });
});
