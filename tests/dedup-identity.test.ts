import { describe, expect, it } from 'vitest';
import { clusterClaims } from '../pipeline/dedup/cluster.ts';
import type { DedupClaim } from '../pipeline/dedup/features.ts';
import { figuresOf } from '../pipeline/dedup/figures.ts';

/**
 * Actors and objects told apart by a number or a name (district 3 / district 5, the mayor of
 * Utrecht / of Leiden), values that must not split (a budget of 7 / of 9 million), and vague
 * actors ("the money") placed by their article. Statements are glossed as the rules extractor
 * glosses: untranslated words keep their capitals ("The Bezirk Mitte").
 */
type Said = { language: string; actor: string; action: string; statement: string; article?: string };

let counter = 0;
function claim(said: Said): DedupClaim {
  counter += 1;
  return {
    claim_id: `i${String(counter).padStart(5, '0')}`,
    article_id: said.article ?? `article-${counter}`,
    language: said.language,
    actor: said.actor,
    action: said.action,
    statement_en: said.statement,
    date_start: '2024-03-04',
    date_end: '2024-03-04',
    date_precision: 'day',
    published: '2024-03-05',
  };
}

const together = (a: Said, b: Said) => {
  const [x, y] = [claim(a), claim(b)];
  const { assignments } = clusterClaims([x, y], new Map());
  return assignments.get(x.claim_id) === assignments.get(y.claim_id);
};

const en = (actor: string, action: string): Said => ({
  language: 'en',
  actor,
  action,
  statement: `${actor} ${action}.`,
});
const said = (language: string, actor: string, action: string, statement: string): Said => ({
  language,
  actor,
  action,
  statement,
});

describe('actors told apart by a number or a name', () => {
  it.each([
    [
      'en, district numbers',
      en('The council of district 3', 'approved a budget of 7 million euros'),
      en('The council of district 5', 'approved a budget of 7 million euros'),
    ],
    [
      'nl, district numbers',
      said(
        'nl',
        'De raad van stadsdeel 3',
        'heeft een begroting van 7 miljoen euro goedgekeurd',
        'The council of city part 3 approved a budget of 7 million euros.',
      ),
      said(
        'nl',
        'De raad van stadsdeel 5',
        'heeft een begroting van 7 miljoen euro goedgekeurd',
        'The council of city part 5 approved a budget of 7 million euros.',
      ),
    ],
    [
      'de, district numbers',
      said(
        'de',
        'Der Rat des Bezirks 3',
        'hat einen Haushalt von 7 Millionen Euro beschlossen',
        'The council of the Bezirks 3 approved a budget of 7 million euros.',
      ),
      said(
        'de',
        'Der Rat des Bezirks 5',
        'hat einen Haushalt von 7 Millionen Euro beschlossen',
        'The council of the Bezirks 5 approved a budget of 7 million euros.',
      ),
    ],
    [
      'nl and de, district numbers',
      said(
        'nl',
        'De raad van stadsdeel 3',
        'heeft een begroting van 7 miljoen euro goedgekeurd',
        'The council of city part 3 approved a budget of 7 million euros.',
      ),
      said(
        'de',
        'Der Rat des Bezirks 5',
        'hat einen Haushalt von 7 Millionen Euro beschlossen',
        'The council of the Bezirks 5 approved a budget of 7 million euros.',
      ),
    ],
    ['en, lines', en('Line 3', 'will stop running on Monday'), en('Line 5', 'will stop running on Monday')],
    [
      'nl, lines',
      said('nl', 'Lijn 3', 'rijdt vanaf maandag niet meer', 'Line 3 will not run from Monday.'),
      said('nl', 'Lijn 5', 'rijdt vanaf maandag niet meer', 'Line 5 will not run from Monday.'),
    ],
    [
      'de, lines',
      said('de', 'Die Linie 3', 'fährt ab Montag nicht mehr', 'The Linie 3 will not run from Monday.'),
      said('de', 'Die Linie 5', 'fährt ab Montag nicht mehr', 'The Linie 5 will not run from Monday.'),
    ],
    [
      'en, flights',
      en('Flight KL 642', 'landed safely in Amsterdam'),
      en('Flight KL 1070', 'landed safely in Amsterdam'),
    ],
    [
      'nl, flights',
      said('nl', 'Vlucht KL 642', 'is veilig in Amsterdam geland', 'Flight KL 642 landed safely in Amsterdam.'),
      said('nl', 'Vlucht KL 1070', 'is veilig in Amsterdam geland', 'Flight KL 1070 landed safely in Amsterdam.'),
    ],
    [
      'de, flights',
      said('de', 'Flug KL642', 'ist sicher in Amsterdam gelandet', 'Flug KL642 landed safely in Amsterdam.'),
      said('de', 'Flug KL1070', 'ist sicher in Amsterdam gelandet', 'Flug KL1070 landed safely in Amsterdam.'),
    ],
    [
      'en, mayors of two cities',
      en('The mayor of Utrecht', 'approved a budget of 10 million euros'),
      en('The mayor of Leiden', 'approved a budget of 10 million euros'),
    ],
    [
      'nl, mayors of two cities',
      said(
        'nl',
        'De burgemeester van Utrecht',
        'heeft een begroting van 10 miljoen euro goedgekeurd',
        'The burgemeester of Utrecht approved a budget of 10 million euros.',
      ),
      said(
        'nl',
        'De burgemeester van Leiden',
        'heeft een begroting van 10 miljoen euro goedgekeurd',
        'The burgemeester of Leiden approved a budget of 10 million euros.',
      ),
    ],
    [
      'de, two named districts',
      said(
        'de',
        'Der Bezirk Mitte',
        'hat einen Haushalt von 10 Millionen Euro beschlossen',
        'The Bezirk Mitte approved a budget of 10 million euros.',
      ),
      said(
        'de',
        'Der Bezirk Pankow',
        'hat einen Haushalt von 10 Millionen Euro beschlossen',
        'The Bezirk Pankow approved a budget of 10 million euros.',
      ),
    ],
    [
      'en and de, mayors of two cities',
      en('The mayor of Leipzig', 'approved a budget of 10 million euros'),
      said(
        'de',
        'Der Bürgermeister von Dresden',
        'hat einen Haushalt von 10 Millionen Euro beschlossen',
        'The Bürgermeister of Dresden approved a budget of 10 million euros.',
      ),
    ],
    [
      'en, a named and a numbered actor',
      en('The mayor of Leipzig', 'approved a budget of 10 million euros'),
      en('The council of district 7', 'approved a budget of 10 million euros'),
    ],
    [
      'en, numbered objects',
      en('The European Parliament', 'approved Article 13 on Tuesday'),
      en('The European Parliament', 'approved Article 17 on Tuesday'),
    ],
  ])('%s: two clusters', (_, a, b) => {
    expect(together(a, b)).toBe(false);
  });
});

describe('one actor with different figures in the value', () => {
  it.each([
    [
      'en',
      en('The council of district 3', 'approved a budget of 7 million euros'),
      en('The council of district 3', 'approved a budget of 9 million euros'),
    ],
    [
      'nl and en',
      said(
        'nl',
        'De raad van stadsdeel 3',
        'heeft een begroting van 8 miljoen euro goedgekeurd',
        'The council of city part 3 approved a budget of 8 million euros.',
      ),
      en('The council of district 3', 'approved a budget of 7 million euros'),
    ],
    [
      'de and en',
      said(
        'de',
        'Der Rat des Bezirks 3',
        'hat einen Haushalt von 9 Millionen Euro beschlossen',
        'The council of the Bezirks 3 approved a budget of 9 million euros.',
      ),
      en('The council of district 3', 'approved a budget of 7 million euros'),
    ],
    [
      'nl and en, a named actor',
      said(
        'nl',
        'De burgemeester van Utrecht',
        'heeft een begroting van 12 miljoen euro goedgekeurd',
        'The burgemeester of Utrecht approved a budget of 12 million euros.',
      ),
      en('The mayor of Utrecht', 'approved a budget of 10 million euros'),
    ],
    [
      'de, a named district',
      said(
        'de',
        'Der Bezirk Pankow',
        'hat einen Haushalt von 10 Millionen Euro beschlossen',
        'The Bezirk Pankow approved a budget of 10 million euros.',
      ),
      said(
        'de',
        'Der Bezirk Pankow',
        'hat einen Haushalt von 14,5 Millionen Euro beschlossen',
        'The Bezirk Pankow approved a budget of 14,5 million euros.',
      ),
    ],
    [
      'en, a numbered line',
      en('Line 5', 'carried 12,000 passengers a day'),
      en('Line 5', 'carried 15,000 passengers a day'),
    ],
    [
      'en, a figure written with a sign',
      en('Eurozone inflation', 'reached a record 7.5%'),
      said(
        'de',
        'Die Inflation im Euroraum',
        'erreichte einen Rekord von 8 %',
        'Eurozone inflation reached a record 8 %.',
      ),
    ],
  ])('%s: one cluster', (_, a, b) => {
    expect(together(a, b)).toBe(true);
  });
});

describe('vague actors are placed by their article', () => {
  const council = (language: string, district: number, article: string): Said => ({
    ...(language === 'en'
      ? en(`The council of district ${district}`, 'approved a budget of 7 million euros')
      : language === 'nl'
        ? said(
            'nl',
            `De raad van stadsdeel ${district}`,
            'heeft een begroting van 7 miljoen euro goedgekeurd',
            `The council of city part ${district} approved a budget of 7 million euros.`,
          )
        : said(
            'de',
            `Der Rat des Bezirks ${district}`,
            'hat einen Haushalt von 7 Millionen Euro beschlossen',
            `The council of the Bezirks ${district} approved a budget of 7 million euros.`,
          )),
    article,
  });
  const money: Record<string, Said> = {
    en: en('The money', 'would go to schools and housing'),
    nl: said('nl', 'het geld', 'zou naar scholen en woningen gaan', 'The money would go to schools and homes.'),
    de: said('de', 'Das Geld', 'soll in Schulen und Wohnungen fließen', 'The money should go to schools and housing.'),
  };
  const clusterOf = (language: string, district: number, otherLanguage: string, otherDistrict: number) => {
    const claims = [
      claim(council(language, district, 'first')),
      claim({ ...money[language]!, article: 'first' }),
      claim(council(otherLanguage, otherDistrict, 'second')),
      claim({ ...money[otherLanguage]!, article: 'second' }),
    ];
    const { assignments } = clusterClaims(claims, new Map());
    return assignments.get(claims[1]!.claim_id) === assignments.get(claims[3]!.claim_id);
  };

  it.each([
    ['en', 'en'],
    ['nl', 'en'],
    ['de', 'en'],
    ['de', 'nl'],
  ])('"the money" of two districts (%s, %s) stays apart', (language, other) => {
    expect(clusterOf(language, 3, other, 5)).toBe(false);
  });

  it.each([
    ['en', 'en'],
    ['nl', 'en'],
    ['de', 'en'],
  ])('"the money" of one district (%s, %s) is one cluster', (language, other) => {
    expect(clusterOf(language, 3, other, 3)).toBe(true);
  });

  it('does not join pronouns of two articles that say nothing about who they are', () => {
    expect(
      together(
        { ...en('They', 'said the plan would help families'), article: 'one' },
        { ...en('They', 'said the plan would help families'), article: 'two' },
      ),
    ).toBe(false);
    expect(
      together(
        { ...en('It', 'will close on Friday'), article: 'one' },
        { ...said('de', 'Es', 'schließt am Freitag', 'It will close on Friday.'), article: 'two' },
      ),
    ).toBe(false);
  });

  it('lets the rest of the claim decide for a common noun where an article names nothing', () => {
    expect(
      together(
        { ...en('Eurozone inflation', 'reached a record 7.5 percent'), article: 'one' },
        { ...en('Eurozone inflation', 'reached a record 7.5 percent'), article: 'two' },
      ),
    ).toBe(true);
  });

  // The statement's verb is not in the verb table, so its first words are not read as its
  // subject: "Nordlicht" is a name of its object, and the other claim has it as its actor.
  const aground = {
    nl: said(
      'nl',
      'Het vrachtschip Nordlicht',
      'liep op 6 mei met zijn lading graan bij Rendsburg aan de grond',
      'The Nordlicht ran aground with its cargo of grain near Rendsburg on 6 May.',
    ),
    de: said(
      'de',
      'Der Frachter Nordlicht',
      'lief am 6. Mai mit seiner Getreideladung bei Rendsburg auf Grund',
      'The Nordlicht ran aground with its cargo of grain near Rendsburg on 6 May.',
    ),
    en: said(
      'en',
      'The freighter Nordlicht',
      'ran aground with its cargo of grain near Rendsburg on 6 May',
      'The Nordlicht ran aground with its cargo of grain near Rendsburg on 6 May.',
    ),
  };
  const vagueShip = (ship: string) =>
    said(
      'de',
      'Das Schiff',
      'lief am 6. Mai mit seiner Ladung auf Grund',
      `The ${ship} ran aground with its cargo of grain on 6 May.`,
    );

  it.each(['nl', 'de', 'en'])(
    'joins a ship named as the actor (%s) to the same ship named in another statement',
    (language) => {
      expect(together(aground[language as keyof typeof aground], vagueShip('Nordlicht'))).toBe(true);
      expect(together(aground[language as keyof typeof aground], vagueShip('Polarstern'))).toBe(false);
    },
  );

  it('joins a vague actor to a named one when the statement names the same thing', () => {
    const ship = said('nl', 'het schip', 'is 400 meter lang', 'The Ever Given is 400 metres long.');
    const named = en('The Ever Given', 'is 400 metres long');
    expect(together(ship, named)).toBe(true);
  });
});

describe('figures', () => {
  it.each([
    ['7,5 Prozent', ['7.5']],
    ['7.5 percent', ['7.5']],
    ['30.000 Kubikmeter', ['30000']],
    ['30,000 cubic metres', ['30000']],
    ['1.234,5 and 1,234.5', ['1234.5']],
    ['on 3 May 2021, 5 ships', []],
    ['the 802.11n standard, KL642', []],
  ])('%s reads as %j', (text, figures) => {
    expect(figuresOf(text)).toEqual(figures);
  });

  it('lets one precise figure in two languages join two loosely glossed reports', () => {
    const de = said(
      'de',
      'Waren',
      'standen täglich im Wert von 9,6 Milliarden Dollar still',
      'Goods worth 9,6 billion dollars stood still every day.',
    );
    const english = said(
      'en',
      'Goods',
      'worth 9.6 billion dollars were held up every day',
      'Goods worth 9.6 billion dollars were held up every day.',
    );
    const otherFigure = {
      ...english,
      statement: 'Goods worth 3.1 billion dollars were held up every day.',
      action: 'worth 3.1 billion dollars were held up every day',
    };
    expect(together({ ...de, article: 'de-1' }, { ...english, article: 'en-1' })).toBe(true);
    // A different figure never splits one fact: it is the contradiction stage's case.
    expect(together({ ...de, article: 'de-2' }, { ...otherFigure, article: 'en-2' })).toBe(true);
  });
});
