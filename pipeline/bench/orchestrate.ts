import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchReference, newBenchRoot, type BenchResult, type SizeOutcome } from './run-bench.ts';
import type { ChildArgs } from './size-child.ts';

const CHILD = fileURLToPath(new URL('./size-child.ts', import.meta.url));

/** The last lines a crashed child wrote, boiled down to one reason (an out-of-memory says so). */
function reasonFrom(stderr: string, code: number | null, signal: string | null): string {
  if (/heap out of memory|Reached heap limit/i.test(stderr)) return 'out of memory (JavaScript heap limit)';
  const last = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('bench:'))
    .slice(-1)[0];
  return last ?? `exited with ${signal ?? `code ${code}`}`;
}

function runChild(args: ChildArgs, log: (line: string) => void): Promise<SizeOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(args)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-20_000);
      for (const line of chunk.split('\n')) if (line.startsWith('bench: ')) log(line.slice('bench: '.length));
    });
    child.on('close', (code, signal) => {
      const partial = existsSync(args.resultFile)
        ? (JSON.parse(readFileSync(args.resultFile, 'utf8')) as SizeOutcome)
        : { size: args.size };
      resolve(code === 0 ? partial : { ...partial, size: args.size, error: reasonFrom(stderr, code, signal) });
    });
  });
}

export type BenchOptions = {
  sizes: readonly number[];
  llm: ChildArgs['llm'];
  keep: boolean;
  log: (line: string) => void;
};

/**
 * Reference points in this process, then each size in a child process of its own, so every
 * size's peak memory is its own and a size that runs out of memory is reported, not fatal.
 */
export async function orchestrateBench(options: BenchOptions): Promise<BenchResult> {
  const root = newBenchRoot();
  try {
    options.log('measuring reference points (better-sqlite3 inserts, franc detections)');
    const reference = await benchReference(root);
    const sizes: SizeOutcome[] = [];
    for (const size of options.sizes) {
      sizes.push(
        await runChild(
          { root, size, resultFile: join(root, `result-${size}.json`), keep: options.keep, llm: options.llm },
          options.log,
        ),
      );
    }
    return {
      reference,
      sizes,
      ...(options.keep ? { kept: root } : {}),
      memoryNote:
        'peak RSS per phase: process.memoryUsage().rss sampled every 20 ms (each size runs in its own child process, so earlier phases of that size are included); child peak: resourceUsage().maxRSS of that child',
    };
  } finally {
    if (!options.keep) rmSync(root, { recursive: true, force: true });
  }
}
