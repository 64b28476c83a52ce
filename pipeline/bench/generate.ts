import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderArticle, type Facts, type Language } from './templates.ts';

/** What a generated corpus holds by construction: the truth the benchmark can check its counts against. */
export type Manifest = {
  folder: string;
  articles: number;
  byLanguage: Record<Language, number>;
  byFormat: Record<string, number>;
  events: number;
  /** Paths whose text is a byte-for-byte copy of another article: stored once. */
  exactDuplicates: number;
  contradictions: { event: number; path: string; kind: 'numeric' | 'date' | 'modality' }[];
};

const COMPANY_STEMS = [
  'Alt',
  'Brix',
  'Vel',
  'Nord',
  'Quell',
  'Strand',
  'Orv',
  'Kestr',
  'Dun',
  'Halv',
  'Zee',
  'Tann',
  'Mar',
  'Lumb',
  'Fjor',
  'Gral',
  'Hesp',
  'Ivar',
  'Jorn',
  'Korv',
  'Lind',
  'Mosk',
  'Nerv',
  'Ostr',
  'Pell',
  'Rask',
  'Sild',
  'Torv',
  'Ulm',
  'Wend',
];
const COMPANY_ENDS = [
  'ura',
  'on',
  'mar',
  'wind',
  'heim',
  'paal',
  'ane',
  'el',
  'more',
  'ik',
  'meer',
  'hof',
  'ant',
  'ix',
  'ora',
  'dal',
  'tek',
  'via',
  'gard',
  'link',
];
const COMPANY_KINDS = ['Energy', 'Networks', 'Group', 'Mobility', 'Telecom', 'Systems'];
const FIRST_NAMES = [
  'Anna',
  'Jan',
  'Klaus',
  'Sarah',
  'Pieter',
  'Miriam',
  'Tom',
  'Eva',
  'Lukas',
  'Grace',
  'Sanne',
  'Jonas',
  'Fatima',
  'Oliver',
  'Ingrid',
  'Daan',
  'Leonie',
  'Samir',
  'Hannah',
  'Ruben',
];
const LAST_NAMES = [
  'Berg',
  'de Vries',
  'Meier',
  'Collins',
  'Jansen',
  'Krause',
  'Hadley',
  'Smit',
  'Wagner',
  'Turner',
  'Bakker',
  'Vogel',
  'Amrani',
  'Price',
  'Holm',
  'Visser',
  'Brandt',
  'Khan',
  'Lorenz',
  'Mulder',
];
const CITIES = [
  'Rotterdam',
  'Hamburg',
  'Leeds',
  'Utrecht',
  'Köln',
  'Bristol',
  'Groningen',
  'Leipzig',
  'Cardiff',
  'Eindhoven',
  'Bremen',
  'York',
  'Zwolle',
  'Kassel',
  'Norwich',
  'Arnhem',
  'Freiburg',
  'Exeter',
  'Leiden',
  'Münster',
  'Bath',
  'Delft',
  'Mainz',
  'Derby',
];
const PRODUCTS = ['TransitPay', 'CloudDesk', 'HomeLink 5', 'VoltPoint', 'ScootGo', 'MeterOne'];
const REGULATORS: Record<Language, readonly string[]> = {
  nl: ['De toezichthouder', 'Het ministerie', 'De gemeente', 'De Autoriteit Consument en Markt'],
  de: ['Die Aufsichtsbehörde', 'Das Ministerium', 'Die Stadt', 'Die Bundesnetzagentur'],
  en: ['The regulator', 'The ministry', 'The city council', 'The competition authority'],
};
const OUTLETS: Record<Language, readonly string[]> = {
  nl: ['De Dagkrant', 'Noorderlicht Nieuws', 'Het Havenblad'],
  de: ['Rheinischer Anzeiger', 'Berliner Morgenblatt', 'Alpenpost'],
  en: ['The Meridian', 'Harbour Tribune', 'Daily Ledger'],
};
const LANGUAGES: readonly Language[] = ['nl', 'de', 'en'];

/** mulberry32: a small seeded generator, so a size always yields the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Rendered = { title: string; paragraphs: string[]; outlet: string; published: string; language: Language };

function fileBody(format: string, article: Rendered): string {
  const body = article.paragraphs.join('\n\n');
  if (format === 'txt')
    return `date: ${article.published}\ntitle: ${article.title}\noutlet: ${article.outlet}\n\n${body}\n`;
  if (format === 'md')
    return `---\ntitle: "${article.title}"\noutlet: ${article.outlet}\ndate: ${article.published}\n---\n\n${body}\n`;
  return `<!doctype html><html lang="${article.language}"><head><meta charset="utf-8"><title>${escapeHtml(article.title)}</title>
<meta property="og:site_name" content="${article.outlet}"><meta property="og:title" content="${escapeHtml(article.title)}">
<meta property="article:published_time" content="${article.published}T08:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/economy">Economy</a></nav>
<article><h1>${escapeHtml(article.title)}</h1>${article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</article>
<aside><p><a href="/other">Read more: another story</a></p></aside>
<form><textarea name="comment"></textarea><button>Post a comment</button></form></body></html>\n`;
}

/**
 * Writes `count` articles about events in nl, de and en, each event told by 3 to 6 articles in
 * mixed languages and formats (txt, md, html, and feed lines in .jsonl); some events carry one
 * contradicting article (a number, a date, a ban against an advice); one path in 50 repeats the
 * text of the article before it exactly.
 */
export function generateCorpus(folder: string, count: number, seed = 1): Manifest {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const manifest: Manifest = {
    folder,
    articles: 0,
    byLanguage: { nl: 0, de: 0, en: 0 },
    byFormat: {},
    events: 0,
    exactDuplicates: 0,
    contradictions: [],
  };
  let previous: { format: string; body: string; language: Language } | null = null;
  const feedLines = new Map<string, number>();
  let event = 0;
  while (manifest.articles < count) {
    event += 1;
    const base: Facts = {
      company: `${pick(COMPANY_STEMS)}${pick(COMPANY_ENDS)} ${pick(COMPANY_KINDS)}`,
      person: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
      city: pick(CITIES),
      product: pick(PRODUCTS),
      regulator: '',
      number: 1000 + Math.floor(next() * 90_000),
      amount: 2 + Math.floor(next() * 400),
      day: 1 + Math.floor(next() * 26),
      month: 1 + Math.floor(next() * 12),
      banned: next() < 0.6,
    };
    const size = Math.min(3 + Math.floor(next() * 4), count - manifest.articles);
    const contradicting = next() < 0.4 ? Math.floor(next() * size) : -1;
    const kind = pick(['numeric', 'date', 'modality'] as const);
    for (let member = 0; member < size; member++) {
      const index = manifest.articles;
      const language = LANGUAGES[(event + member) % 3]!;
      const facts: Facts = { ...base, regulator: REGULATORS[language][event % REGULATORS[language].length]! };
      const format = ['txt', 'txt', 'txt', 'txt', 'md', 'md', 'md', 'html', 'jsonl', 'jsonl'][index % 10]!;
      const shardName = String(Math.floor(index / 1000)).padStart(4, '0');
      const line = format === 'jsonl' ? (feedLines.get(shardName) ?? 0) + 1 : 0;
      if (format === 'jsonl') feedLines.set(shardName, line);
      const relative = `${shardName}/${format === 'jsonl' ? `feed.jsonl#${line}` : `a${index}.${format}`}`;
      if (member === contradicting) {
        if (kind === 'numeric') facts.number = Math.round(facts.number * (1.2 + next()));
        if (kind === 'date') facts.day += 1 + Math.floor(next() * 2);
        if (kind === 'modality') facts.banned = !facts.banned;
        manifest.contradictions.push({ event, path: relative, kind });
      }
      const shard = join(folder, shardName);
      mkdirSync(shard, { recursive: true });
      const rendered = renderArticle(facts, language, index);
      const article: Rendered = {
        ...rendered,
        language,
        outlet: pick(OUTLETS[language]),
        published: `2023-${pad(facts.month)}-${pad(Math.min(28, facts.day + 1))}`,
      };
      const duplicate: boolean =
        index % 50 === 45 && member !== contradicting && previous !== null && previous.format === format;
      const written: Language = duplicate ? previous!.language : language;
      const body: string = duplicate
        ? previous!.body
        : format === 'jsonl'
          ? JSON.stringify({
              title: article.title,
              outlet: article.outlet,
              date: article.published,
              text: article.paragraphs.join('\n\n'),
            })
          : fileBody(format, article);
      if (format === 'jsonl') appendFileSync(join(shard, 'feed.jsonl'), `${body}\n`);
      else writeFileSync(join(shard, `a${index}.${format}`), body);
      previous = { format, body, language: written };
      if (duplicate) manifest.exactDuplicates += 1;
      manifest.articles += 1;
      manifest.byLanguage[written] += 1;
      manifest.byFormat[format] = (manifest.byFormat[format] ?? 0) + 1;
    }
    manifest.events = event;
  }
  return manifest;
}
