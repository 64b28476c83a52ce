import type { EvalFigures } from './evaluate.ts';
import { accuracy, LENGTH_BUCKETS, type LanguageScore, type Tally } from './language.ts';

const percent = (value: number) => `${(100 * value).toFixed(1)} %`;
const ratio = (tally: Tally | undefined) =>
  tally ? `${percent(accuracy(tally))} (${tally.correct}/${tally.total})` : 'n/a';

export type EvalRow = {
  section: string;
  measure: string;
  run: string;
  gold_input: string;
  run_e5?: string;
  gold_input_e5?: string;
};
type Row = EvalRow;
/** The last two: the same runs with real multilingual-e5-small embeddings ("skipped" without the model). */
export const EVAL_COLUMNS = ['section', 'measure', 'run', 'gold_input', 'run_e5', 'gold_input_e5'] as const;

function languageRows(figures: EvalFigures): Row[] {
  const row = (measure: string, value: string): Row => ({ section: 'language', measure, run: value, gold_input: '' });
  const { corpus, sentences, devdata } = figures.language;
  const rows = [
    row('corpus articles', ratio({ correct: corpus.right, total: corpus.total })),
    ...LENGTH_BUCKETS.map((bucket) => row(`sentence set, ${bucket}`, ratio(sentences.byBucket[bucket]))),
    ...Object.entries(sentences.byLanguage).map(([language, tally]) => row(`sentence set, ${language}`, ratio(tally))),
  ];
  if (!devdata) return [...rows, row('devdata (flores-wikinews)', 'absent')];
  const perLanguage = (score: LanguageScore, what: string) =>
    Object.entries(score.byLanguage).map(([language, tally]) => row(`devdata ${what}, ${language}`, ratio(tally)));
  return [
    ...rows,
    ...LENGTH_BUCKETS.map((bucket) => row(`devdata sentences, ${bucket}`, ratio(devdata.sentences.byBucket[bucket]))),
    ...perLanguage(devdata.sentences, 'sentences'),
    ...perLanguage(devdata.articles, 'articles'),
  ];
}

const share = (right: number, total: number) => `${percent(total > 0 ? right / total : 0)} (${right}/${total})`;

/** Claims, fields and honesty per language, for the chosen extractor on the corpus gold. */
function perLanguageRows(figures: EvalFigures): Row[] {
  return Object.entries(figures.run.byLanguage).flatMap(([language, score]) => {
    const row = (measure: string, value: string): Row => ({
      section: `corpus ${language}`,
      measure,
      run: value,
      gold_input: '',
    });
    return [
      row('claims precision', share(score.claims.matched, score.claims.predicted)),
      row('claims recall', share(score.claims.matched, score.claims.gold)),
      row(
        'actor / source / date (matched)',
        [score.fields.actor, score.fields.source, score.fields.date].map((f) => percent(f.accuracy)).join(' / '),
      ),
      row('bare-pronoun actors', share(score.honesty.barePronounActors, score.honesty.claims)),
      row('English inverts polarity', share(score.honesty.invertedEnglish, score.honesty.claims)),
      row('quote negated, claim affirmed (upper bound)', share(score.honesty.quoteNegationLost, score.honesty.claims)),
    ];
  });
}

/** Attribution on the annotated German Wikinews quotations (devdata), when present. */
function quotationRows(figures: EvalFigures): Row[] {
  const row = (measure: string, value: string): Row => ({
    section: 'wikinews de',
    measure,
    run: value,
    gold_input: '',
  });
  const q = figures.quotations;
  if (!q) return [row('de-wikinews-quotes', 'absent')];
  return [
    row('claims (articles)', `${q.honesty.claims} (${q.articles})`),
    row('quotation recall', `${share(q.score.recalled, q.score.quotations)}; ${q.score.placed} placed in the text`),
    row('speaker as source', share(q.score.speakerAsSource, q.score.withSpeaker)),
    row('speaker as source or as the actor', share(q.score.speakerNamed, q.score.withSpeaker)),
    row('bare-pronoun actors', share(q.honesty.barePronounActors, q.honesty.claims)),
    row('English inverts polarity', share(q.honesty.invertedEnglish, q.honesty.claims)),
    row('quote negated, claim affirmed (upper bound)', share(q.honesty.quoteNegationLost, q.honesty.claims)),
  ];
}

/** The whole pipeline on FLORES translations (devdata): translations never contradict, and should join. */
function floresRows(figures: EvalFigures): Row[] {
  const f = figures.flores;
  const row = (measure: string, pick: (run: NonNullable<EvalFigures['flores']>['run']) => string): Row => ({
    section: 'flores translations',
    measure,
    run: f ? pick(f.run) : 'absent',
    gold_input: '',
    run_e5: f ? ('skipped' in f.e5 ? f.e5.skipped : pick(f.e5)) : '',
  });
  if (!f) return [row('flores-wikinews', () => '')];
  return [
    row('articles (claims)', (r) => `${r.articles} × 3 languages (${r.claims} claims)`),
    row('contradictions between translations', (r) => `${r.betweenTranslations} of ${r.shown} shown`),
    row(
      'held between translations (candidates view)',
      (r) =>
        `${r.heldBetweenTranslations}${
          Object.keys(r.heldReasons).length
            ? `: ${Object.entries(r.heldReasons)
                .map(([reason, n]) => `${n} ${reason}`)
                .join('; ')}`
            : ''
        }`,
    ),
    row('a claim joins its translations', (r) => `${percent(r.translationJoin)} of ${r.translationPairs} pairs`),
    row('clustered pairs from one article', (r) => percent(r.sameArticlePrecision)),
    {
      section: 'flores translations',
      measure: 'joins its translations, English sentence as statement (dedup alone)',
      run: percent(f.idealGlossJoin),
      gold_input: '',
    },
    {
      section: 'flores translations',
      measure: 'rules gloss: statement_en words in the English translation, nl / de',
      run: `${percent(f.gloss.nl.claimPrecision)} of ${f.gloss.nl.claims} / ${percent(f.gloss.de.claimPrecision)} of ${f.gloss.de.claims} claims`,
      gold_input: '',
    },
  ];
}

/**
 * The rows of the one table `npm run eval` prints: each measure for the chosen extractor and for gold claims as input.
 */
export function evalTable(figures: EvalFigures): { header: string; rows: EvalRow[] } {
  const { run, oracle, embeddings } = figures;
  // Only the stages embeddings change get their columns; the rest would repeat the first two.
  const e5 = (pick: (score: typeof run) => string, gold: boolean) =>
    'skipped' in embeddings
      ? { run_e5: embeddings.skipped, gold_input_e5: gold ? embeddings.skipped : '' }
      : { run_e5: pick(embeddings.run), gold_input_e5: gold ? pick(embeddings.oracle) : '' };
  const both = (section: string, measure: string, pick: (score: typeof run) => string, gold = true): Row => ({
    section,
    measure,
    run: pick(run),
    gold_input: gold ? pick(oracle) : '',
    ...(section === 'clusters' || section === 'contradictions' ? e5(pick, gold) : {}),
  });
  const fraction = (right: number, total: number) => `${percent(total > 0 ? right / total : 0)} (${right}/${total})`;
  const rows: Row[] = [
    ...languageRows(figures),
    both('claims', 'precision', (s) => fraction(s.claims.matched, s.claims.predicted)),
    both('claims', 'recall', (s) => fraction(s.claims.matched, s.claims.gold)),
    both('claims', 'F1', (s) => percent(s.claims.f1)),
    both('fields', 'actor (matched claims)', (s) => fraction(s.fields.actor.right, s.fields.actor.total)),
    both('fields', 'date (matched claims)', (s) => fraction(s.fields.date.right, s.fields.date.total)),
    both('fields', 'source (matched claims)', (s) => fraction(s.fields.source.right, s.fields.source.total)),
    both('grounding', 'claims / (claims + unaligned)', (s) =>
      fraction(s.grounding.claims, s.grounding.claims + s.grounding.unaligned),
    ),
    both(
      'clusters',
      'pairwise precision',
      (s) => `${percent(s.clusters.precision)} of ${s.clusters.predictedPairs} pairs`,
    ),
    both('clusters', 'pairwise recall', (s) => `${percent(s.clusters.recall)} of ${s.clusters.goldPairs} pairs`),
    both('clusters', 'pairwise F1', (s) => percent(s.clusters.f1)),
    both(
      'contradictions',
      'precision',
      (s) => `${percent(s.contradictions.precision)} of ${s.contradictions.predicted} flagged`,
    ),
    both('contradictions', 'recall', (s) => fraction(s.contradictions.found, s.contradictions.gold)),
    both('contradictions', 'kind right (found pairs)', (s) =>
      fraction(s.contradictions.kindRight, s.contradictions.found),
    ),
    both('contradictions', 'false alarms (near misses flagged)', (s) =>
      fraction(s.contradictions.falseAlarms, s.contradictions.nearMisses),
    ),
    both('contradictions', 'flagged, not annotated', (s) => String(s.contradictions.unannotated)),
    both('time', 'seconds (whole run)', (s) => s.seconds.toFixed(2)),
    ...perLanguageRows(figures),
    ...quotationRows(figures),
    ...floresRows(figures),
  ];
  const header = `claimlens eval: extractor ${run.extractor} on ${figures.corpus}; "gold input" runs the same pipeline fed the gold claims`;
  return { header, rows };
}
