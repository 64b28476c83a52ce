import cliProgress from 'cli-progress';
import type { ArticleEvent } from '../run.ts';
import { printableLine } from './table.ts';

export type Progress = {
  article(event: ArticleEvent): void;
  stage(name: string): void;
  found(total: number): void;
  stop(): void;
};

/** What happened to one article, in the words of the per-article line. */
function outcomeWord(event: ArticleEvent): string {
  if (event.sameTextAs !== undefined) return 'same text';
  return event.unchanged ? 'unchanged' : event.status;
}

/** The per-article line of a log: file names and reasons are untrusted text, so they are made printable. */
export function articleLine(event: ArticleEvent): string {
  const detail =
    event.sameTextAs !== undefined
      ? ` (same text as ${event.sameTextAs})`
      : event.error
        ? ` (${event.error})`
        : event.status === 'ok'
          ? ` ${event.claims} claims`
          : '';
  return `${outcomeWord(event).padEnd(9)} ${printableLine(event.language ?? '--')} ${printableLine(`${event.path}${detail}`)}`;
}

/** Claims an event adds to this run's count: the summary's "claims found this run" counts the same. */
export const newClaims = (event: ArticleEvent) =>
  event.unchanged || event.sameTextAs !== undefined ? 0 : event.claims;

/**
 * A bar with rate and ETA on a terminal; one plain line per article otherwise, so a log file
 * or CI shows what happened to each file. The bar counts articles (each line of a .jsonl feed is
 * one); its total grows as a count beside the run finds more (`found`), and never falls below
 * what is done.
 */
export function createProgress(options: { tty: boolean; quiet: boolean }): Progress {
  if (options.quiet)
    return { article: () => undefined, stage: () => undefined, found: () => undefined, stop: () => undefined };
  if (!options.tty) {
    return {
      article: (event) => process.stdout.write(`${articleLine(event)}\n`),
      stage: (name) => process.stdout.write(`… ${name}\n`),
      found: () => undefined,
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: ' {bar} {value}/{total} articles | {rate}/s | ETA {eta_formatted} | {claims} claims | {file}',
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let done = 0;
  let claims = 0;
  let stopped = false;
  bar.start(1, 0, { rate: '0.0', claims: 0, file: '' });
  return {
    article: (event) => {
      done += 1;
      claims += newClaims(event);
      if (done > bar.getTotal()) bar.setTotal(done);
      const rate = (done / ((performance.now() - started) / 1000)).toFixed(1);
      bar.update(done, { rate, claims, file: printableLine(event.path).slice(-40) });
    },
    stage: (name) => bar.update(done, { file: `${name}…` }),
    found: (total) => {
      if (!stopped && total > bar.getTotal()) bar.setTotal(total);
    },
    stop: () => {
      stopped = true;
      bar.stop();
    },
  };
}
