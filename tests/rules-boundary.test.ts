import { describe, expect, it } from 'vitest';
import { extractRuleClaims } from '../pipeline/rules/extract.ts';
import type { SupportedLanguage } from '../schemas/article.ts';

// Clause boundaries of the rules extractor in English and Dutch (issue #14); every sentence is invented.
const claimsOf = (text: string, language: SupportedLanguage) =>
  extractRuleClaims({ articleId: 'test', text, language, published: { iso: '2020-04-09', precision: 'day' } });
const pairs = (text: string, language: SupportedLanguage) =>
  claimsOf(text, language).map((claim) => [claim.actor, claim.action]);

describe('a conjunction before a pronoun with its own verb opens a new claim', () => {
  it.each<[SupportedLanguage, string, string[][]]>([
    [
      'en',
      'Mayor Jan Smit opened the bridge and he thanked the builders.',
      [
        ['Mayor Jan Smit', 'opened the bridge'],
        ['Mayor Jan Smit', 'thanked the builders'],
      ],
    ],
    [
      'nl',
      'Burgemeester Jan Smit opende de brug, en hij bedankte de bouwers.',
      [
        ['Burgemeester Jan Smit', 'opende de brug'],
        ['Burgemeester Jan Smit', 'bedankte de bouwers'],
      ],
    ],
    [
      'nl',
      'Burgemeester Jan Smit opende de brug en hij bedankte de bouwers.',
      [
        ['Burgemeester Jan Smit', 'opende de brug'],
        ['Burgemeester Jan Smit', 'bedankte de bouwers'],
      ],
    ],
  ])('%s: %s', (language, text, expected) => {
    expect(pairs(text, language)).toEqual(expected);
  });

  it('en: the first claim ends before "and it", whose "it" names nothing checkable', () => {
    expect(pairs('The ferry firm Nordlink cancelled the crossing and it refunded every ticket.', 'en')).toEqual([
      ['The ferry firm Nordlink', 'cancelled the crossing'],
    ]);
  });

  it('nl: "of ze …" is a question the verb asks, not a second claim', () => {
    expect(pairs('Twee gemeenten onderzoeken nog of ze de weg moeten afsluiten.', 'nl')).toEqual([
      ['Twee gemeenten', 'onderzoeken nog of ze de weg moeten afsluiten'],
    ]);
  });
});

describe('a relative clause between commas does not end the subject', () => {
  it.each<[SupportedLanguage, string, string, string]>([
    ['en', 'The mayor, who took office in May, announced a new bridge.', 'The mayor', 'announced a new bridge'],
    [
      'en',
      'The ferry firm, which lost money last year, cancelled the crossing.',
      'The ferry firm',
      'cancelled the crossing',
    ],
    [
      'nl',
      'De burgemeester, die in mei aantrad, kondigde een nieuwe brug aan.',
      'De burgemeester',
      'kondigde een nieuwe brug aan',
    ],
    [
      'nl',
      'Het bedrijf, dat vorig jaar failliet ging, opende een nieuwe winkel.',
      'Het bedrijf',
      'opende een nieuwe winkel',
    ],
  ])('%s: %s', (language, text, actor, action) => {
    const claims = claimsOf(text, language);
    // The relative clause says which one; the claim is what the subject's own verb says, not dated by the clause.
    expect(claims.map((claim) => [claim.actor, claim.action, claim.date])).toEqual([[actor, action, null]]);
  });
});

describe('Dutch mits, indien, tenzij and totdat open a subordinate clause', () => {
  it.each<[string, string[][]]>([
    ['Indien de rechter instemt, betaalt de gemeente de boete.', [['de gemeente', 'betaalt de boete']]],
    ['Tenzij de raad ingrijpt, sluit de fabriek in maart.', [['de fabriek', 'sluit']]],
    ['De school blijft dicht, totdat de nieuwe ketel werkt.', [['De school', 'blijft dicht']]],
    ['De veerdienst vaart weer, mits de storm gaat liggen.', [['De veerdienst', 'vaart weer']]],
  ])('%s', (text, expected) => {
    expect(pairs(text, 'nl')).toEqual(expected);
  });
});

describe('a phrase opening with a preposition is an adverbial, not the actor', () => {
  it.each<[SupportedLanguage, string, string, string]>([
    ['en', 'In the old harbour the council closed three schools.', 'the council', 'closed three schools'],
    ['en', 'About 300 lorries were waiting at the border.', 'About 300 lorries', 'were waiting at the border'],
    ['nl', 'Na de storm sloot de gemeente drie scholen.', 'de gemeente', 'sloot drie scholen'],
    ['nl', 'Met zijn nieuwe boot voer Piet Klaassen naar Texel.', 'Piet Klaassen', 'voer naar Texel'],
    ['nl', 'Vóór de verkiezingen werkte Anna Bos bij een bank.', 'Anna Bos', 'werkte bij een bank'],
    [
      'nl',
      'Net als bij een fiets gebruikt de rolstoel twee grote wielen.',
      'de rolstoel',
      'gebruikt twee grote wielen',
    ],
  ])('%s: %s', (language, text, actor, action) => {
    expect(pairs(text, language)[0]).toEqual([actor, action]);
  });

  it('en: a prepositional phrase with nothing after it leaves no subject before the verb', () => {
    expect(pairs('Among the passengers were 12 nurses.', 'en')).toEqual([]);
  });
});

describe('Dutch: the subject ends where its noun phrase does, before a verb the lexicon does not know', () => {
  it.each<[string, string, string]>([
    [
      'Een tekort aan personeel leidde tot lange wachttijden.',
      'Een tekort aan personeel',
      'leidde tot lange wachttijden',
    ],
    ['Het Deense kabinet heeft de boetes verhoogd.', 'Het Deense kabinet', 'heeft de boetes verhoogd'],
    ['De dijk houdt stand, maar bewoners hopen dat het water snel zakt.', 'bewoners', 'hopen dat het water snel zakt'],
  ])('%s', (text, actor, action) => {
    expect(pairs(text, 'nl')).toContainEqual([actor, action]);
  });

  it('a capitalised nationality adjective is no subject of its own: the noun after it is no verb', () => {
    expect(pairs('De Canadese president opende de nieuwe brug.', 'nl')).toEqual([
      ['De Canadese president', 'opende de nieuwe brug'],
    ]);
  });

  it.each<[string, string, string]>([
    [
      'Het aantal mensen dat thuis werkt, is gestegen naar 4 miljoen.',
      'Het aantal mensen dat thuis werkt',
      'is gestegen naar 4 miljoen',
    ],
    [
      'De eigenaar van de boot waarmee de pier is geraakt, wordt volgens de havenpolitie niet vervolgd.',
      'De eigenaar van de boot waarmee de pier is geraakt',
      'wordt niet vervolgd',
    ],
  ])(
    'a relative clause right after its noun stays in the subject, up to the comma before the verb: %s',
    (text, actor, action) => {
      expect(pairs(text, 'nl')[0]).toEqual([actor, action]);
    },
  );

  it('"liet weten dat …" says who announced what follows', () => {
    expect(claimsOf('De havenmeester liet zondag weten dat de sluis tot maart dicht blijft.', 'nl')[0]).toMatchObject({
      actor: 'de sluis',
      source: 'De havenmeester',
    });
  });
});

describe('a conjunction joins phrases unless a clause of its own follows', () => {
  it('nl: "en dat" after a verb opens a second "that" clause with the same speaker', () => {
    const claims = claimsOf(
      'De firma meldt dat de storm geen schade aanrichtte en dat in de haven kranen 1 en 2 zijn stilgezet.',
      'nl',
    );
    expect(claims.map((claim) => [claim.actor, claim.action, claim.source])).toEqual([
      ['de storm', 'geen schade aanrichtte', 'De firma'],
      ['kranen 1 en 2', 'zijn stilgezet', 'De firma'],
    ]);
  });

  it('nl: before the last verb of a relative clause "en" joins two phrases, and the modal stays in that clause', () => {
    expect(
      claimsOf(
        'De gemeente schrapt de pas waarmee scholieren een jaar lang met bus en veerboot konden reizen.',
        'nl',
      ).map((claim) => [claim.action, claim.modality]),
    ).toEqual([['schrapt de pas waarmee scholieren een jaar lang met bus en veerboot konden reizen', 'fact']]);
  });

  it.each<[SupportedLanguage, string, string]>([
    ['nl', 'De winnaars waren Piet Smit, 25, en Jan Bos, 21.', 'waren Piet Smit, 25, en Jan Bos, 21'],
    ['en', 'The winners were Tom Hill, 25, and Sam Reed, 21.', 'were Tom Hill, 25, and Sam Reed, 21'],
  ])('%s: after a comma a conjunction with no verb after it goes on with a list: %s', (language, text, action) => {
    expect(claimsOf(text, language).map((claim) => claim.action)).toEqual([action]);
  });

  it('nl: the verb after a later conjunction belongs to the clause that conjunction opens', () => {
    expect(
      pairs(
        'In 1990 werkte Anna Bos samen met Kees en Mark aan de film en was zij verantwoordelijk voor de muziek.',
        'nl',
      )[0],
    ).toEqual(['Anna Bos', 'werkte samen met Kees en Mark aan de film']);
  });
});

describe('English negation is said once', () => {
  it('"no damage": the determiner says it, not the verb', () => {
    expect(claimsOf('The flood caused no damage in the village.', 'en')[0]?.statement_en).toBe(
      'The flood caused no damage in the village.',
    );
  });

  it('"said no decision had been made": the negation stays with what was said', () => {
    expect(claimsOf('The mayor said no decision had been made.', 'en')[0]).toMatchObject({
      actor: 'no decision',
      polarity: 'negated',
      source: 'The mayor',
    });
  });
});

describe('Dutch: after a fronted date, adverb or source the next word is the verb, and the subject follows it', () => {
  it.each<[string, string, string]>([
    ['Vorige week gaf de rechter de gemeente gelijk.', 'de rechter', 'gaf de gemeente gelijk'],
    ['Daarna nam de politie drie verdachten mee.', 'de politie', 'nam drie verdachten mee'],
    ['Woensdag trok het bedrijf de aanvraag in.', 'het bedrijf', 'trok de aanvraag in'],
    ['Gisteren zwoer de koning een nieuwe regering in.', 'de koning', 'zwoer een nieuwe regering in'],
    ['Op deze plek troffen agenten het lichaam van de man aan.', 'agenten', 'troffen het lichaam van de man aan'],
    [
      'Donderdag presenteerde Anna Bos, de directeur van Veerlijn, tijdens een persconferentie het nieuwe schip.',
      'Anna Bos, de directeur van Veerlijn',
      'presenteerde tijdens een persconferentie het nieuwe schip',
    ],
  ])('%s', (text, actor, action) => {
    expect(pairs(text, 'nl')).toEqual([[actor, action]]);
  });

  it('an -ie noun is no adjective: the source "de politie" ends before the verb', () => {
    expect(claimsOf('Volgens de politie troffen agenten de man thuis aan.', 'nl')[0]).toMatchObject({
      actor: 'agenten',
      source: 'de politie',
    });
  });
});

describe('Dutch phrases before a clause-final verb', () => {
  it.each<[string, string, string]>([
    [
      'De club meldt dat de finale achter gesloten deuren en zonder publiek gespeeld wordt.',
      'de finale',
      'achter gesloten deuren en zonder publiek gespeeld wordt',
    ],
    ['De firma meldt dat in de haven van Delft kranen 1 en 2 zijn stilgezet.', 'kranen 1 en 2', 'zijn stilgezet'],
    ['Oude kaarten van de haven zijn te zien in 3 musea.', 'Oude kaarten van de haven', 'zijn te zien in 3 musea'],
  ])('%s', (text, actor, action) => {
    expect(pairs(text, 'nl')).toEqual([[actor, action]]);
  });
});

describe('a speaker introducing a quotation after a colon', () => {
  it.each<[string]>([
    ["Op een vraag om uitleg reageerde Jansen: 'Kees werkt hard op de boerderij.'"],
    ["Na afloop reageerde Jansen: 'Kees werkt hard op de boerderij.'"],
  ])('nl: is the source of the quotation, not a claim of its own: %s', (text) => {
    expect(claimsOf(text, 'nl').map((claim) => [claim.actor, claim.source])).toEqual([['Kees', 'Jansen']]);
  });
});

describe('Dutch clauses found on held-out articles', () => {
  it.each<[string, string[][]]>([
    ['Het rapport toont aan dat de dijk zwak is, maar biedt ook een plan voor herstel.', [['de dijk', 'zwak is']]],
    [
      'Jansen opende vorig jaar een winkel als zelfstandige en ondertekende vorige maand een nieuw contract.',
      [
        ['Jansen', 'opende een winkel als zelfstandige'],
        ['Jansen', 'ondertekende een nieuw contract'],
      ],
    ],
    ['Het museum zelf vraagt de bezoekers om mee te doen.', []],
    ['Allereerst door te doen alsof er niets aan de hand was.', []],
    [
      'Dit zand was nodig voor het ophogen van dijken en kaden, die dienst deden als opslag voor graan.',
      [['dijken en kaden', 'dienst deden als opslag voor graan']],
    ],
  ])('%s', (text, expected) => {
    expect(pairs(text, 'nl')).toEqual(expected);
  });
});

describe('"and that" after a say verb with an object of its own', () => {
  it.each<[SupportedLanguage, string, string]>([
    [
      'en',
      'Harbour Power Co. reported no damage from the storm and that cranes 1 and 2 were shut down.',
      'cranes 1 and 2',
    ],
    ['nl', 'De firma meldde geen schade door de storm en dat kranen 1 en 2 zijn stilgezet.', 'kranen 1 en 2'],
  ])('%s: opens a second claim of the same speaker, not negated by the first: %s', (language, text, actor) => {
    const second = claimsOf(text, language)[1];
    expect(second).toMatchObject({ actor, polarity: 'affirmed' });
    expect(second?.source).toBe(claimsOf(text, language)[0]?.actor);
  });
});

describe('a Dutch "waar-" relative clause with a subject of its own', () => {
  it.each<[string, string[][]]>([
    [
      'Piet Mulder zei dat de omzet steeg nadat hij in een uitzending van Bakker Tijd optrad, waarbij de jury van die show de winkel niet wilde steunen.',
      [
        ['de omzet', 'steeg nadat hij in een uitzending van Bakker Tijd optrad'],
        ['de jury van die show', 'de winkel niet wilde steunen'],
      ],
    ],
    [
      'Mevrouw Jansen kondigde haar plan aan in het Groninger Theater, waar ze ooit haar campagne voor de raad startte.',
      [
        ['Mevrouw Jansen', 'kondigde haar plan aan in het Groninger Theater'],
        ['Mevrouw Jansen', 'ooit haar campagne voor de raad startte'],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(pairs(text, 'nl')).toEqual(expected);
  });
});

describe('a pronoun stands for an antecedent of its kind: a person for "hij", "he", many for "ze hebben", "they"', () => {
  it.each<[SupportedLanguage, string, string[][]]>([
    [
      'nl',
      'Bakker Pim Hoekstra opende een winkel in Leerdam. Zijn taart staat in het Wereld Boek der Taarten. Later verkocht hij ook brood.',
      [
        ['Bakker Pim Hoekstra', 'opende een winkel in Leerdam'],
        ['Bakker Pim Hoekstra', 'verkocht ook brood'],
      ],
    ],
    [
      'en',
      'Baker Pim Hoekstra opened a shop in Leerdam. His cake is listed in the World Cake Book. Later he also sold bread.',
      [
        ['Baker Pim Hoekstra', 'opened a shop in Leerdam'],
        ['Baker Pim Hoekstra', 'also sold bread'],
      ],
    ],
    [
      'nl',
      'Volgens hoofdagent P. J. Smit zijn drie van de dieven opgepakt en hebben ze de gestolen fietsen teruggegeven.',
      [
        ['drie van de dieven', 'zijn opgepakt'],
        ['drie van de dieven', 'hebben de gestolen fietsen teruggegeven'],
      ],
    ],
    [
      'en',
      'According to inspector P. J. Smit, three of the thieves were arrested. They returned the stolen bikes.',
      [['three of the thieves', 'were arrested']],
    ],
  ])('%s: %s', (language, text, expected) => {
    expect(pairs(text, language)).toEqual(expected);
  });
});

describe('main clauses joined by a comma alone are two claims', () => {
  it.each<[SupportedLanguage, string, string[][]]>([
    [
      'nl',
      'De gemeente sloot twee scholen, de brandweer opende een noodpost in het dorp.',
      [
        ['De gemeente', 'sloot twee scholen'],
        ['de brandweer', 'opende een noodpost in het dorp'],
      ],
    ],
    [
      'en',
      'The council closed two schools, the fire brigade opened a shelter in the village.',
      [
        ['The council', 'closed two schools'],
        ['the fire brigade', 'opened a shelter in the village'],
      ],
    ],
    ['nl', 'Jan Smit, de burgemeester, opende de brug.', [['Jan Smit, de burgemeester', 'opende de brug']]],
    ['en', 'Jan Smit, the mayor, opened the bridge.', [['Jan Smit, the mayor', 'opened the bridge']]],
    [
      'en',
      'Mayor Anna Berg opened the library at the town hall, the same place she used to start her campaign.',
      [['Mayor Anna Berg', 'opened the library at the town hall, the same place she used to start her campaign']],
    ],
  ])('%s: %s', (language, text, expected) => {
    expect(pairs(text, language)).toEqual(expected);
  });
});

describe('Dutch "Eén" with an accent is a number opening the subject', () => {
  it.each(['Eén agent opende de deur van de kazerne.', 'Één agent opende de deur van de kazerne.'])('%s', (text) => {
    const [claim] = claimsOf(text, 'nl');
    expect([claim?.actor, claim?.action]).toEqual([
      text.split(' ').slice(0, 2).join(' '),
      'opende de deur van de kazerne',
    ]);
    expect(claim?.statement_en).toMatch(/^One /);
  });
});

describe('a Dutch modal inside a "die" relative clause is that clause\'s own', () => {
  it.each<[string, string]>([
    ['De agenten keerden terug in ruil voor een oude man die naar de dokter moest.', 'fact'],
    ['De gemeente wil een brug bouwen die tien meter hoog is.', 'planned'],
  ])('%s', (text, modality) => {
    expect(claimsOf(text, 'nl')[0]?.modality).toBe(modality);
  });
});

describe('a participle phrase between commas is not part of the subject', () => {
  it.each<[SupportedLanguage, string, string[][]]>([
    [
      'nl',
      'De nieuwe brug, gebouwd door firma Bos uit Delft, opende gisteren voor het verkeer.',
      [['De nieuwe brug', 'opende voor het verkeer']],
    ],
    [
      'en',
      'The new bridge, built by Bos and Sons from Delft, opened to traffic yesterday.',
      [['The new bridge', 'opened to traffic']],
    ],
    ['nl', 'Het rapport, opgesteld door de raad, zegt dat de weg dicht moet.', [['de weg', 'dicht moet']]],
  ])('%s: %s', (language, text, expected) => {
    expect(pairs(text, language)).toEqual(expected);
  });
});

describe('a Dutch conjunct opening with a past tense the lexicon does not know is a claim of its own', () => {
  it.each<[string, string[][]]>([
    [
      'Pieters is getrouwd met een bakker en maakte geen indruk op de jury.',
      [['Pieters', 'maakte geen indruk op de jury']],
    ],
    [
      'De bakker kocht meel en suikerde de taart.',
      [
        ['De bakker', 'kocht meel'],
        ['De bakker', 'suikerde de taart'],
      ],
    ],
    ['De storm was zwaar en oude huizen werden gesloopt.', []],
  ])('%s', (text, expected) => {
    expect(pairs(text, 'nl')).toEqual(expected);
  });
});
