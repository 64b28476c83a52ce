import type { SupportedLanguage } from '../../schemas/article.ts';

/**
 * Sentence templates for generated benchmark articles, one set per language. Slots in braces are
 * filled per event; variants of one event in different languages say the same things, and a
 * contradicting variant changes one number, one date, or a ban into an advice.
 */

export type Language = SupportedLanguage;

export type Facts = {
  company: string;
  person: string;
  city: string;
  product: string;
  regulator: string;
  number: number;
  amount: number;
  day: number;
  month: number;
  banned: boolean;
};

/** The month's name as the language writes it in a date ("3 maart", "3. März", "3 March"). */
const monthName = (language: Language, month: number) =>
  new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2020, month - 1, 1)));

const date = (language: Language, facts: Facts) => {
  const month = monthName(language, facts.month);
  return language === 'nl'
    ? `op ${facts.day} ${month}`
    : language === 'de'
      ? `am ${facts.day}. ${month}`
      : `on ${facts.day} ${month}`;
};

const number = (language: Language, value: number) =>
  language === 'en' ? value.toLocaleString('en-GB') : value.toLocaleString('de-DE');

type Template = (facts: Facts, language: Language) => string;

const TITLES: Record<Language, Template> = {
  nl: (f) => `${f.regulator} grijpt in bij ${f.company} in ${f.city}`,
  de: (f) => `${f.regulator} greift bei ${f.company} in ${f.city} ein`,
  en: (f) => `${f.regulator} acts against ${f.company} in ${f.city}`,
};

const FACTS: Record<Language, readonly Template[]> = {
  nl: [
    (f, l) =>
      f.banned
        ? `${f.regulator} heeft ${date(l, f)} het gebruik van ${f.product} van ${f.company} in ${f.city} verboden.`
        : `${f.regulator} heeft ${date(l, f)} gebruikers geadviseerd om ${f.product} van ${f.company} in ${f.city} niet meer te gebruiken.`,
    (f, l) =>
      `Volgens ${f.person} zijn ${number(l, f.number)} klanten van ${f.company} in ${f.city} getroffen door de storing.`,
    (f, l) =>
      `${f.company} zei dat het herstel van ${f.product} in ${f.city} ongeveer ${number(l, f.amount)} miljoen euro gaat kosten, omdat alle apparaten moeten worden vervangen.`,
    (f) => `${f.company} laat weten dat het de problemen met ${f.product} in ${f.city} vandaag heeft opgelost.`,
  ],
  de: [
    (f, l) =>
      `${f.regulator} hat ${date(l, f)} ${f.banned ? 'die Nutzung von' : 'Kunden geraten, auf'} ${f.product} von ${f.company} in ${f.city} ${f.banned ? 'verboten' : 'zu verzichten'}.`,
    (f, l) =>
      `Laut ${f.person} sind ${number(l, f.number)} Kunden von ${f.company} in ${f.city} von der Störung betroffen.`,
    (f, l) =>
      `${f.company} sagte, die Reparatur von ${f.product} in ${f.city} werde etwa ${number(l, f.amount)} Millionen Euro kosten, weil alle Geräte ersetzt werden müssen.`,
    (f) => `${f.company} teilte mit, dass die Probleme mit ${f.product} in ${f.city} heute behoben wurden.`,
  ],
  en: [
    (f, l) =>
      `${f.regulator} ${f.banned ? 'banned the use of' : 'advised customers to stop using'} ${f.product} from ${f.company} in ${f.city} ${date(l, f)}.`,
    (f, l) =>
      `According to ${f.person}, ${number(l, f.number)} customers of ${f.company} in ${f.city} were affected by the outage.`,
    (f, l) =>
      `${f.company} said the repairs to ${f.product} in ${f.city} would cost about ${number(l, f.amount)} million euros, because all devices have to be replaced.`,
    (f) => `${f.company} said it had fixed the problems with ${f.product} in ${f.city} today.`,
  ],
};

const FILLER: Record<Language, readonly Template[]> = {
  nl: [
    (f) => `De gemeenteraad van ${f.city} bespreekt de kwestie volgende week opnieuw.`,
    (f) => `Consumentenorganisaties in ${f.city} vragen al langer om strengere regels voor ${f.product}.`,
    (f) => `Op sociale media reageerden veel klanten van ${f.company} boos op het nieuws.`,
    (f) => `Het is nog niet duidelijk of klanten van ${f.product} een schadevergoeding krijgen.`,
    (f) => `Deskundigen verwachten dat andere steden het voorbeeld van ${f.city} zullen volgen.`,
    (f) => `De aandelen van ${f.company} daalden na het bericht met enkele procenten.`,
  ],
  de: [
    (f) => `Der Stadtrat von ${f.city} will sich in der kommenden Woche erneut mit dem Thema befassen.`,
    (f) => `Verbraucherschützer in ${f.city} fordern seit langem strengere Regeln für ${f.product}.`,
    (f) => `In sozialen Netzwerken reagierten viele Kunden von ${f.company} verärgert auf die Nachricht.`,
    (f) => `Ob Kunden von ${f.product} eine Entschädigung bekommen, ist noch unklar.`,
    (f) => `Fachleute erwarten, dass andere Städte dem Beispiel von ${f.city} folgen werden.`,
    (f) => `Die Aktie von ${f.company} gab nach der Meldung um einige Prozent nach.`,
  ],
  en: [
    (f) => `The city council of ${f.city} will discuss the matter again next week.`,
    (f) => `Consumer groups in ${f.city} have long called for stricter rules for ${f.product}.`,
    (f) => `Many customers of ${f.company} reacted angrily to the news on social media.`,
    (f) => `It is not yet clear whether customers of ${f.product} will get any compensation.`,
    (f) => `Experts expect other cities to follow the example of ${f.city}.`,
    (f) => `Shares in ${f.company} fell by a few percent after the announcement.`,
  ],
};

/** The title and the paragraphs of one article about an event. */
export function renderArticle(
  facts: Facts,
  language: Language,
  fillerStart: number,
): { title: string; paragraphs: string[] } {
  const filler = FILLER[language];
  const pick = (offset: number) => filler[(fillerStart + offset) % filler.length]!(facts, language);
  const [first, second, third, fourth] = FACTS[language].map((template) => template(facts, language));
  return {
    title: TITLES[language](facts, language),
    paragraphs: [
      `${first} ${pick(0)}`,
      `${second} ${pick(1)} ${pick(2)}`,
      `${third} ${pick(3)}`,
      `${fourth} ${pick(4)} ${pick(5)}`,
    ],
  };
}
