import cliProgress from 'cli-progress';
import type { ArticleEvent } from '../run.ts';

export type Progress = { article(event: ArticleEvent): void; stage(name: string): void; stop(): void };

/**
 * A bar with rate and ETA on a terminal; one plain line per article otherwise, so a log file
 * or CI shows what happened to each file. The total is not known up front (a .jsonl feed is
 * read as a stream), so the bar's total grows with the folder walk.
 */
export function createProgress(options: { tty: boolean; quiet: boolean; totalHint: number }): Progress {
  if (options.quiet) return { article: () => undefined, stage: () => undefined, stop: () => undefined };
  if (!options.tty) {
    return {
      article: (event) => {
        const detail = event.error ? ` (${event.error})` : event.status === 'ok' ? ` ${event.claims} claims` : '';
        process.stdout.write(`${event.unchanged ? 'unchanged' : event.status.padEnd(9)} ${event.language ?? '--'} ${event.path}${detail}\n`);
      },
      stage: (name) => process.stdout.write(`… ${name}\n`),
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: ' {bar} {value}/{total} articles | {rate}/s | ETA {eta_formatted} | {claims} claims | {file}', hideCursor: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let done = 0;
  let claims = 0;
  bar.start(Math.max(1, options.totalHint), 0, { rate: '0.0', claims: 0, file: '' });
  return {
    article: (event) => {
      done += 1;
      claims += event.claims;
      if (done > bar.getTotal()) bar.setTotal(done);
      const rate = (done / ((performance.now() - started) / 1000)).toFixed(1);
      bar.update(done, { rate, claims, file: event.path.slice(-40) });
    },
    stage: (name) => bar.update(done, { file: `${name}…` }),
    stop: () => bar.stop(),
  };
}
