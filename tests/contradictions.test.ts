import { describe, expect, it } from 'vitest';
import type { ContradictionKind } from '../schemas/contradiction.ts';
import { detectContradictions } from '../pipeline/contradictions/detect.ts';
import { claimRow, type ClaimSketch } from './support/contradiction-claims.ts';

type Case = { name: string; a: ClaimSketch; b: ClaimSketch };

const kindsFound = (a: ClaimSketch, b: ClaimSketch) =>
  detectContradictions([claimRow(a), claimRow(b)]).map((found) => found.kind);

const zoomUsers = (language: 'nl' | 'de' | 'en', action: string, statement: string): ClaimSketch => ({
  language,
  actor: 'Zoom',
  action,
  statement_en: statement,
});

/** For each kind and language: a pair that contradicts and a look-alike pair that does not. */
const positives: Record<ContradictionKind, Case[]> = {
  numeric: [
    {
      name: "nl: zo'n 700 against ruim 900",
      a: zoomUsers('nl', "heeft zo'n 700 medewerkers in China", 'Zoom has about 700 employees in China.'),
      b: zoomUsers('nl', 'heeft ruim 900 medewerkers in China', 'Zoom has more than 900 employees in China.'),
    },
    {
      name: 'de: 200 Millionen against 300 Millionen',
      a: zoomUsers('de', 'hat 200 Millionen Nutzer pro Tag', 'Zoom has 200 million users per day.'),
      b: zoomUsers('de', 'hat 300 Millionen Nutzer pro Tag', 'Zoom has 300 million users per day.'),
    },
    {
      name: 'en: about 300 million against 10 million',
      a: zoomUsers('en', 'has about 300 million daily users', 'Zoom has about 300 million daily users.'),
      b: zoomUsers('en', 'has 10 million daily users', 'Zoom has 10 million daily users.'),
    },
    {
      name: 'de against en: 200 Millionen Nutzer against 300 million users',
      a: zoomUsers('de', 'hat 200 Millionen Nutzer', 'Zoom has 200 million users.'),
      b: zoomUsers('en', 'has 300 million users', 'Zoom has 300 million users.'),
    },
  ],
  date: [
    {
      name: 'nl: 7 april against 9 april',
      a: {
        language: 'nl',
        actor: 'Het kabinet',
        action: 'verbood Zoom op 7 april',
        statement_en: 'The cabinet banned Zoom on 7 April.',
        date: 'op 7 april',
        date_start: '2020-04-07',
        date_end: '2020-04-07',
        date_precision: 'day',
      },
      b: {
        language: 'nl',
        actor: 'Het kabinet',
        action: 'verbood Zoom op 9 april',
        statement_en: 'The cabinet banned Zoom on 9 April.',
        date: 'op 9 april',
        date_start: '2020-04-09',
        date_end: '2020-04-09',
        date_precision: 'day',
      },
    },
    {
      name: 'de: im März against am 7. April',
      a: {
        language: 'de',
        actor: 'Das Kabinett',
        action: 'verbot Zoom im März',
        statement_en: 'The cabinet banned Zoom in March.',
        date: 'im März',
        date_start: '2020-03',
        date_end: '2020-03',
        date_precision: 'month',
      },
      b: {
        language: 'de',
        actor: 'Das Kabinett',
        action: 'verbot Zoom am 7. April',
        statement_en: 'The cabinet banned Zoom on 7 April.',
        date: 'am 7. April',
        date_start: '2020-04-07',
        date_end: '2020-04-07',
        date_precision: 'day',
      },
    },
    {
      name: 'en: in 2019 against on 7 April 2020',
      a: {
        language: 'en',
        actor: 'The cabinet',
        action: 'banned Zoom in 2019',
        statement_en: 'The cabinet banned Zoom in 2019.',
        date: 'in 2019',
        date_start: '2019',
        date_end: '2019',
        date_precision: 'year',
      },
      b: {
        language: 'en',
        actor: 'The cabinet',
        action: 'banned Zoom on 7 April 2020',
        statement_en: 'The cabinet banned Zoom on 7 April 2020.',
        date: 'on 7 April 2020',
        date_start: '2020-04-07',
        date_end: '2020-04-07',
        date_precision: 'day',
      },
    },
  ],
  polarity: [
    {
      name: 'nl: verboden against toegestaan',
      a: {
        language: 'nl',
        actor: 'Het kabinet',
        action: 'heeft Zoom verboden voor ambtenaren',
        statement_en: 'The cabinet banned Zoom for civil servants.',
      },
      b: {
        language: 'nl',
        actor: 'Het kabinet',
        action: 'heeft Zoom toegestaan voor ambtenaren',
        statement_en: 'The cabinet allowed Zoom for civil servants.',
      },
    },
    {
      name: 'nl: geen toegang against toegang',
      a: {
        language: 'nl',
        actor: 'De politie',
        action: 'heeft geen toegang tot de chats',
        statement_en: 'The police have no access to the chats.',
      },
      b: {
        language: 'nl',
        actor: 'De politie',
        action: 'heeft toegang tot de chats',
        statement_en: 'The police have access to the chats.',
      },
    },
    {
      name: 'de: verbietet against erlaubt',
      a: {
        language: 'de',
        actor: 'Die Regierung',
        action: 'verbietet Zoom für Beamte',
        statement_en: 'The government bans Zoom for officials.',
      },
      b: {
        language: 'de',
        actor: 'Die Regierung',
        action: 'erlaubt Zoom für Beamte',
        statement_en: 'The government allows Zoom for officials.',
      },
    },
    {
      name: 'en: fixed against still vulnerable',
      a: {
        language: 'en',
        actor: 'Zoom',
        action: 'fixed the flaw in its installer',
        statement_en: 'Zoom fixed the flaw in its installer.',
      },
      b: {
        language: 'en',
        actor: 'Zoom',
        action: 'is still vulnerable through the flaw in its installer',
        statement_en: 'Zoom is still vulnerable through the flaw in its installer.',
      },
    },
    {
      name: 'en: met against did not meet (polarity field)',
      a: {
        language: 'en',
        actor: 'The minister',
        action: 'met the Zoom chief executive in Brussels',
        statement_en: 'The minister met the Zoom chief executive in Brussels.',
      },
      b: {
        language: 'en',
        actor: 'The minister',
        action: 'did not meet the Zoom chief executive in Brussels',
        statement_en: 'The minister did not meet the Zoom chief executive in Brussels.',
        polarity: 'negated',
      },
    },
    {
      name: 'nl against en: nog steeds kwetsbaar against fixed, worded apart',
      a: {
        language: 'nl',
        actor: 'Zoom',
        action: 'is nog steeds kwetsbaar',
        statement_en: "Zoom is still vulnerable despite the company's promises.",
      },
      b: {
        language: 'en',
        actor: 'Zoom',
        action: 'has fixed the flaw that sent calls through China',
        statement_en: 'Zoom has fixed the flaw that routed some calls through China.',
      },
    },
    {
      name: 'nl against en: onveilig against safe',
      a: {
        language: 'nl',
        actor: 'Zoom',
        action: 'is onveilig voor vertrouwelijke gesprekken',
        statement_en: 'Zoom is unsafe for confidential meetings.',
      },
      b: {
        language: 'en',
        actor: 'Zoom',
        action: 'is safe for confidential meetings',
        statement_en: 'Zoom is safe for confidential meetings.',
      },
    },
  ],
  modality: [
    {
      name: 'nl: verboden against afgeraden',
      a: {
        language: 'nl',
        actor: 'Het ministerie',
        action: 'heeft Zoom verboden voor ambtenaren',
        statement_en: 'The ministry banned Zoom for civil servants.',
      },
      b: {
        language: 'nl',
        actor: 'Het ministerie',
        action: 'raadt ambtenaren Zoom af',
        statement_en: 'The ministry advises civil servants against Zoom.',
        modality: 'advised',
      },
    },
    {
      name: 'de: wird verbieten against hat verboten',
      a: {
        language: 'de',
        actor: 'Das Ministerium',
        action: 'wird Zoom für Beamte verbieten',
        statement_en: 'The ministry will ban Zoom for officials.',
        modality: 'planned',
      },
      b: {
        language: 'de',
        actor: 'Das Ministerium',
        action: 'hat Zoom für Beamte verboten',
        statement_en: 'The ministry banned Zoom for officials.',
      },
    },
    {
      name: 'en: banned against should avoid (lexicon)',
      a: {
        language: 'en',
        actor: 'The ministry',
        action: 'banned Zoom for officials',
        statement_en: 'The ministry banned Zoom for officials.',
      },
      b: {
        language: 'en',
        actor: 'The ministry',
        action: 'said officials should avoid Zoom',
        statement_en: 'The ministry said officials should avoid Zoom.',
      },
    },
  ],
  attribution: [
    {
      name: 'nl: Citizen Lab against Microsoft',
      a: {
        language: 'nl',
        actor: 'Zoom',
        action: 'stuurt sleutels via China',
        statement_en: 'Zoom routes encryption keys through China.',
        source: 'Citizen Lab',
      },
      b: {
        language: 'nl',
        actor: 'Zoom',
        action: 'stuurt sleutels via China',
        statement_en: 'Zoom routes encryption keys through China.',
        source: 'Microsoft',
      },
    },
    {
      name: 'de: Citizen Lab against Kaspersky',
      a: {
        language: 'de',
        actor: 'Zoom',
        action: 'leitet Schlüssel über China',
        statement_en: 'Zoom routes encryption keys through China.',
        source: 'Citizen Lab',
      },
      b: {
        language: 'de',
        actor: 'Zoom',
        action: 'leitet Schlüssel über China',
        statement_en: 'Zoom routes encryption keys through China.',
        source: 'Kaspersky',
      },
    },
    {
      name: 'en: Citizen Lab against the FBI',
      a: {
        language: 'en',
        actor: 'Zoom',
        action: 'routes keys through China',
        statement_en: 'Zoom routes encryption keys through China.',
        source: 'Citizen Lab',
      },
      b: {
        language: 'en',
        actor: 'Zoom',
        action: 'routes keys through China',
        statement_en: 'Zoom routes encryption keys through China.',
        source: 'the FBI',
      },
    },
  ],
  other: [],
};

/** The day of the ban itself, against which the report days and vaguer dates below are compared. */
const CABINET_BANNED_ZOOM_ON_7_APRIL: ClaimSketch = {
  language: 'en',
  actor: 'The cabinet',
  action: 'banned Zoom on 7 April',
  statement_en: 'The cabinet banned Zoom on 7 April.',
  date: 'on 7 April',
  date_start: '2020-04-07',
  date_end: '2020-04-07',
  date_precision: 'day',
};

const negatives: Record<ContradictionKind, Case[]> = {
  numeric: [
    {
      name: "nl: zo'n 700 against ongeveer 720",
      a: zoomUsers('nl', "heeft zo'n 700 medewerkers in China", 'Zoom has about 700 employees in China.'),
      b: zoomUsers('nl', 'heeft ongeveer 720 medewerkers in China', 'Zoom has about 720 employees in China.'),
    },
    {
      name: 'nl against en: 7,5 procent against 7.5 percent',
      a: zoomUsers('nl', 'heeft 7,5 procent van de markt', 'Zoom has 7.5 percent of the market.'),
      b: zoomUsers('en', 'has 7.5% of the market', 'Zoom has 7.5% of the market.'),
    },
    {
      name: 'de: mehr als 200 Millionen against 300 Millionen',
      a: zoomUsers('de', 'hat mehr als 200 Millionen Nutzer', 'Zoom has more than 200 million users.'),
      b: zoomUsers('de', 'hat 300 Millionen Nutzer', 'Zoom has 300 million users.'),
    },
    {
      name: 'de: 7,5 % against 7,5 Prozent',
      a: zoomUsers('de', 'hat 7,5 % des Marktes', 'Zoom has 7.5% of the market.'),
      b: zoomUsers('de', 'hat 7,5 Prozent des Marktes', 'Zoom has 7.5 percent of the market.'),
    },
    {
      name: 'de against en: figures of different times (Ende 2019, March 2020)',
      a: {
        language: 'de',
        actor: 'Zoom',
        action: 'hatte Ende 2019 10 Millionen Nutzer',
        statement_en: 'Zoom had 10 million daily users at the end of 2019.',
        date: 'Ende 2019',
        date_start: '2019-10',
        date_end: '2019-12',
        date_precision: 'month',
      },
      b: {
        language: 'en',
        actor: 'Zoom',
        action: 'had 200 million daily users in March',
        statement_en: 'Zoom had 200 million daily users in March 2020.',
        date: 'in March',
        date_start: '2020-03',
        date_end: '2020-03',
        date_precision: 'month',
      },
    },
    {
      name: 'de against en: figures about different places',
      a: {
        language: 'de',
        actor: 'Die Inflation in Deutschland',
        action: 'stieg auf 7,3 Prozent',
        statement_en: 'Inflation in Germany rose to 7.3 percent.',
      },
      b: {
        language: 'en',
        actor: 'Inflation in the Netherlands',
        action: 'rose to 11.9 percent',
        statement_en: 'Inflation in the Netherlands rose to 11.9 percent.',
      },
    },
    {
      name: 'en: 300 million users against 3 days',
      a: zoomUsers('en', 'has 300 million users after the outage', 'Zoom has 300 million users after the outage.'),
      b: zoomUsers(
        'en',
        'has 3 days of outage behind it with users',
        'Zoom has 3 days of outage behind it with users.',
      ),
    },
  ],
  date: [
    {
      name: 'nl: the day a ban was announced ("donderdag") against the day of the ban',
      a: {
        language: 'nl',
        actor: 'Het kabinet',
        action: 'zei donderdag dat het Zoom had verboden',
        statement_en: 'The cabinet said on Thursday that it had banned Zoom.',
        date: 'donderdag',
        date_start: '2020-04-09',
        date_end: '2020-04-09',
        date_precision: 'day',
      },
      b: {
        language: 'nl',
        actor: 'Het kabinet',
        action: 'verbood Zoom op 7 april',
        statement_en: 'The cabinet banned Zoom on 7 April.',
        date: 'op 7 april',
        date_start: '2020-04-07',
        date_end: '2020-04-07',
        date_precision: 'day',
      },
    },
    {
      name: 'de: the day a ban was announced ("am Donnerstag") against the day of the ban',
      a: {
        language: 'de',
        actor: 'Das Kabinett',
        action: 'sagte am Donnerstag, es habe Zoom verboten',
        statement_en: 'The cabinet said on Thursday that it had banned Zoom.',
        date: 'am Donnerstag',
        date_start: '2020-04-09',
        date_end: '2020-04-09',
        date_precision: 'day',
      },
      b: {
        language: 'de',
        actor: 'Das Kabinett',
        action: 'verbot Zoom am 7. April',
        statement_en: 'The cabinet banned Zoom on 7 April.',
        date: 'am 7. April',
        date_start: '2020-04-07',
        date_end: '2020-04-07',
        date_precision: 'day',
      },
    },
    {
      name: 'en: the day a ban was announced ("on Thursday") against the day of the ban',
      a: {
        language: 'en',
        actor: 'The cabinet',
        action: 'said on Thursday that it had banned Zoom',
        statement_en: 'The cabinet said on Thursday that it had banned Zoom.',
        date: 'on Thursday',
        date_start: '2020-04-09',
        date_end: '2020-04-09',
        date_precision: 'day',
      },
      b: CABINET_BANNED_ZOOM_ON_7_APRIL,
    },
    {
      name: 'nl: vandaag (7 april) against op 7 april',
      a: {
        language: 'nl',
        actor: 'Het kabinet',
        action: 'verbood Zoom vandaag',
        statement_en: 'The cabinet banned Zoom today.',
        date: 'vandaag',
        date_start: '2020-04-07',
        date_end: '2020-04-07',
        date_precision: 'day',
      },
      b: CABINET_BANNED_ZOOM_ON_7_APRIL,
    },
    {
      name: 'de: im April against am 7. April',
      a: {
        language: 'de',
        actor: 'Das Kabinett',
        action: 'verbot Zoom im April',
        statement_en: 'The cabinet banned Zoom in April.',
        date: 'im April',
        date_start: '2020-04',
        date_end: '2020-04',
        date_precision: 'month',
      },
      b: {
        language: 'de',
        actor: 'Das Kabinett',
        action: 'verbot Zoom am 7. April',
        statement_en: 'The cabinet banned Zoom on 7 April.',
        date: 'am 7. April',
        date_start: '2020-04-07',
        date_end: '2020-04-07',
        date_precision: 'day',
      },
    },
    {
      name: 'en: different events of one actor on different days',
      a: {
        language: 'en',
        actor: 'The cabinet',
        action: 'banned Zoom on 7 April',
        statement_en: 'The cabinet banned Zoom for schools on 7 April.',
        date: 'on 7 April',
        date_start: '2020-04-07',
        date_end: '2020-04-07',
        date_precision: 'day',
      },
      b: {
        language: 'en',
        actor: 'The cabinet',
        action: 'banned TikTok on 9 May',
        statement_en: 'The cabinet banned TikTok on phones of ministers on 9 May.',
        date: 'on 9 May',
        date_start: '2020-05-09',
        date_end: '2020-05-09',
        date_precision: 'day',
      },
    },
  ],
  polarity: [
    {
      name: 'nl: verboden against niet toegestaan',
      a: {
        language: 'nl',
        actor: 'Het kabinet',
        action: 'heeft Zoom verboden voor ambtenaren',
        statement_en: 'The cabinet banned Zoom for civil servants.',
      },
      b: {
        language: 'nl',
        actor: 'Het kabinet',
        action: 'heeft Zoom niet toegestaan voor ambtenaren',
        statement_en: 'The cabinet did not allow Zoom for civil servants.',
        polarity: 'negated',
      },
    },
    {
      name: 'de: verbietet against erlaubt nicht',
      a: {
        language: 'de',
        actor: 'Die Regierung',
        action: 'verbietet Zoom für Beamte',
        statement_en: 'The government bans Zoom for officials.',
      },
      b: {
        language: 'de',
        actor: 'Die Regierung',
        action: 'erlaubt Zoom für Beamte nicht',
        statement_en: 'The government does not allow Zoom for officials.',
        polarity: 'negated',
      },
    },
    {
      name: 'de: kein Zugriff against keinen Zugang',
      a: {
        language: 'de',
        actor: 'Die Polizei',
        action: 'hat keinen Zugriff auf die Chats',
        statement_en: 'The police have no access to the chats.',
        polarity: 'negated',
      },
      b: {
        language: 'de',
        actor: 'Die Polizei',
        action: 'hat keinen Zugang zu den Chats',
        statement_en: 'The police have no access to the chats.',
        polarity: 'negated',
      },
    },
    {
      name: 'de against nl: erlaubt nur privat against verboden (a restriction, not a permission)',
      a: {
        language: 'de',
        actor: 'Das Auswärtige Amt',
        action: 'erlaubt Zoom nur noch auf privaten Rechnern',
        statement_en: 'The Foreign Office allows Zoom only on private computers.',
      },
      b: {
        language: 'nl',
        actor: 'Het Auswärtige Amt',
        action: 'heeft Zoom op dienstcomputers verboden',
        statement_en: 'The Foreign Office banned Zoom on work computers.',
      },
    },
    {
      name: 'en: uses weaker encryption against does not use the promised encryption',
      a: {
        language: 'en',
        actor: 'Zoom',
        action: 'uses weaker AES-128 encryption than stated',
        statement_en: 'Zoom uses weaker AES-128 encryption than it stated.',
      },
      b: {
        language: 'en',
        actor: 'Zoom',
        action: 'does not use the end-to-end encryption it promised',
        statement_en: 'Zoom does not use the end-to-end encryption it promised.',
        polarity: 'negated',
      },
    },
    {
      name: 'nl: advice "zolang niet opgelost" against opgelost (a condition, not a denial)',
      a: {
        language: 'nl',
        actor: 'Scholen',
        action: 'kunnen beter een andere dienst kiezen zolang de problemen met Zoom niet zijn opgelost',
        statement_en: 'Schools may better choose another service as long as the Zoom problems are not solved.',
        modality: 'possible',
      },
      b: {
        language: 'nl',
        actor: 'Zoom',
        action: 'heeft de problemen opgelost',
        statement_en: 'Zoom solved the problems.',
      },
    },
    {
      name: 'en: unsafe against not safe',
      a: {
        language: 'en',
        actor: 'Zoom',
        action: 'is unsafe for confidential meetings',
        statement_en: 'Zoom is unsafe for confidential meetings.',
      },
      b: {
        language: 'en',
        actor: 'Zoom',
        action: 'is not safe for confidential meetings',
        statement_en: 'Zoom is not safe for confidential meetings.',
        polarity: 'negated',
      },
    },
  ],
  modality: [
    {
      name: 'nl: verboden against verbod (both facts)',
      a: {
        language: 'nl',
        actor: 'Het ministerie',
        action: 'heeft Zoom verboden voor ambtenaren',
        statement_en: 'The ministry banned Zoom for civil servants.',
      },
      b: {
        language: 'nl',
        actor: 'Het ministerie',
        action: 'stelde een verbod op Zoom in voor ambtenaren',
        statement_en: 'The ministry imposed a ban on Zoom for civil servants.',
      },
    },
    {
      name: 'de: wird verbieten against plant Verbot (both plans)',
      a: {
        language: 'de',
        actor: 'Das Ministerium',
        action: 'wird Zoom für Beamte verbieten',
        statement_en: 'The ministry will ban Zoom for officials.',
        modality: 'planned',
      },
      b: {
        language: 'de',
        actor: 'Das Ministerium',
        action: 'plant ein Verbot von Zoom für Beamte',
        statement_en: 'The ministry plans to ban Zoom for officials.',
        modality: 'planned',
      },
    },
    {
      name: 'en: banned against has banned',
      a: {
        language: 'en',
        actor: 'The ministry',
        action: 'banned Zoom for officials',
        statement_en: 'The ministry banned Zoom for officials.',
      },
      b: {
        language: 'en',
        actor: 'The ministry',
        action: 'has banned Zoom for officials',
        statement_en: 'The ministry has banned Zoom for officials.',
      },
    },
  ],
  attribution: [
    {
      name: 'nl: een woordvoerder against de woordvoerder (roles, no names)',
      a: {
        language: 'nl',
        actor: 'Zoom',
        action: 'stuurt sleutels via China',
        statement_en: 'Zoom routes encryption keys through China.',
        source: 'een woordvoerder',
      },
      b: {
        language: 'nl',
        actor: 'Zoom',
        action: 'stuurt sleutels via China',
        statement_en: 'Zoom routes encryption keys through China.',
        source: 'de woordvoerder van het ministerie',
      },
    },
    {
      name: 'de: source is the outlet itself',
      a: {
        language: 'de',
        actor: 'Zoom',
        action: 'leitet Schlüssel über China',
        statement_en: 'Zoom routes encryption keys through China.',
        source: 'Tagesblatt',
        outlet: 'Tagesblatt',
      },
      b: {
        language: 'de',
        actor: 'Zoom',
        action: 'leitet Schlüssel über China',
        statement_en: 'Zoom routes encryption keys through China.',
        source: 'Citizen Lab',
      },
    },
    {
      name: 'en: Citizen Lab against researchers at Citizen Lab',
      a: {
        language: 'en',
        actor: 'Zoom',
        action: 'routes keys through China',
        statement_en: 'Zoom routes encryption keys through China.',
        source: 'Citizen Lab',
      },
      b: {
        language: 'en',
        actor: 'Zoom',
        action: 'routes keys through China',
        statement_en: 'Zoom routes encryption keys through China.',
        source: 'researchers at Citizen Lab',
      },
    },
    {
      name: 'de against en: Der Verband against the association (a translation)',
      a: {
        language: 'de',
        actor: 'Das Ticket',
        action: 'sparte 1,8 Millionen Tonnen CO2',
        statement_en: 'The ticket saved 1.8 million tonnes of CO2.',
        source: 'Der Verband',
      },
      b: {
        language: 'en',
        actor: 'The ticket',
        action: 'saved 1.8 million tonnes of CO2',
        statement_en: 'The ticket saved 1.8 million tonnes of CO2.',
        source: 'The association',
      },
    },
    {
      name: 'nl against en: het ministerie van Justitie against the Justice Ministry',
      a: {
        language: 'nl',
        actor: 'Zoom',
        action: 'stuurt sleutels via China',
        statement_en: 'Zoom routes encryption keys through China.',
        source: 'het ministerie van Justitie',
      },
      b: {
        language: 'en',
        actor: 'Zoom',
        action: 'routes keys through China',
        statement_en: 'Zoom routes encryption keys through China.',
        source: 'the Justice Ministry',
      },
    },
  ],
  other: [],
};

const table = (cases: Record<ContradictionKind, Case[]>) =>
  Object.entries(cases).flatMap(([kind, list]) => list.map((entry) => ({ kind: kind as ContradictionKind, ...entry })));

describe('contradiction rules', () => {
  it.each(table(positives))('flags $kind — $name', ({ kind, a, b }) => {
    expect(kindsFound(a, b)).toContain(kind);
  });

  it.each(table(negatives))('does not flag $kind — $name', ({ kind, a, b }) => {
    expect(kindsFound(a, b)).not.toContain(kind);
  });

  it('covers every language with a positive and a negative case for each rule kind', () => {
    const languages = (cases: Case[]) => new Set(cases.flatMap((entry) => [entry.a.language, entry.b.language]));
    for (const kind of ['numeric', 'date', 'polarity', 'modality', 'attribution'] as const) {
      expect([...languages(positives[kind])].sort(), `${kind} positives`).toEqual(['de', 'en', 'nl']);
      expect([...languages(negatives[kind])].sort(), `${kind} negatives`).toEqual(['de', 'en', 'nl']);
    }
  });

  it('never flags translations of one claim against each other', () => {
    const shared = {
      statement_en:
        'The Taiwanese cabinet banned Zoom for government agencies on 7 April after 200 million users joined.',
      date_start: '2020-04-07',
      date_end: '2020-04-07',
      date_precision: 'day' as const,
    };
    const found = detectContradictions([
      claimRow({
        ...shared,
        language: 'nl',
        actor: 'Het Taiwanese kabinet',
        action: 'verbood Zoom voor overheidsinstanties',
        quote: 'Het Taiwanese kabinet verbood Zoom op 7 april, nadat 200 miljoen gebruikers zich aanmeldden.',
        date: 'op 7 april',
      }),
      claimRow({
        ...shared,
        language: 'de',
        actor: 'Das taiwanische Kabinett',
        action: 'verbot Zoom für Behörden',
        quote: 'Das taiwanische Kabinett verbot Zoom am 7. April, nachdem sich 200 Millionen Nutzer angemeldet hatten.',
        date: 'am 7. April',
      }),
      claimRow({
        ...shared,
        language: 'en',
        actor: "Taiwan's cabinet",
        action: 'banned Zoom for government agencies',
        quote: "Taiwan's cabinet banned Zoom on 7 April after 200 million users signed up.",
        date: 'on 7 April',
      }),
    ]);
    expect(found).toEqual([]);
  });

  it('gives each finding a plain-English explanation that names both sides, and a score in (0, 1)', () => {
    const found = detectContradictions([claimRow(positives.numeric[1]!.a), claimRow(positives.numeric[1]!.b)]);
    expect(found).toHaveLength(1);
    expect(found[0]!.explanation).toMatch(/^A gives .*, B gives .*: 33% apart, more than rounding allows\.$/);
    expect(found[0]!.explanation).toContain('200 million people ("200 Millionen Nutzer")');
    expect(found[0]!.explanation).toContain('300 million people ("300 Millionen Nutzer")');
    expect(found[0]!.score).toBeGreaterThan(0);
    expect(found[0]!.score).toBeLessThan(1);
  });

  it('quotes the negation that turned a word around', () => {
    const [found] = detectContradictions([claimRow(positives.polarity[1]!.a), claimRow(positives.polarity[1]!.b)]);
    expect(found!.explanation).toMatch(/^On access, A says .* and B says .*: one reverses the other\.$/);
    expect(found!.explanation).toContain('says inaccessible ("geen … toegang")');
    expect(found!.explanation).toContain('says access ("toegang")');
  });

  it('ids each contradiction by its ordered pair and kind, whatever order the claims come in', () => {
    const a = claimRow(positives.polarity[2]!.a);
    const b = claimRow(positives.polarity[2]!.b);
    expect(detectContradictions([a, b])).toEqual(detectContradictions([b, a]));
    expect(new Set(detectContradictions([a, b]).map((found) => found.contradiction_id)).size).toBe(
      detectContradictions([a, b]).length,
    );
  });

  it('compares claims of one cluster even when their wording shares little', () => {
    const a = claimRow({
      language: 'en',
      actor: 'Officials',
      action: 'counted 120 dead',
      statement_en: 'Officials counted 120 dead after the quake.',
      cluster_id: 'k1',
    });
    const b = claimRow({
      language: 'nl',
      actor: 'Het Rode Kruis',
      action: 'meldt 45 doden',
      statement_en: 'The Red Cross reports 45 deaths.',
      cluster_id: 'k1',
    });
    expect(detectContradictions([a, b]).map((found) => found.kind)).toEqual(['numeric']);
    expect(
      detectContradictions([
        { ...a, cluster_id: null },
        { ...b, cluster_id: null },
      ]),
    ).toEqual([]);
  });

  it('never pairs two claims of one article', () => {
    const a = claimRow({ ...positives.polarity[2]!.a, article_id: 'same' });
    const b = claimRow({ ...positives.polarity[2]!.b, article_id: 'same' });
    expect(detectContradictions([a, b])).toEqual([]);
  });
});
