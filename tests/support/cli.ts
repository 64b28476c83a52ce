import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCommand } from '../../pipeline/cli/command.ts';

const scripts: Record<string, string> = JSON.parse(readFileSync('package.json', 'utf8')).scripts;

/** The npm scripts that run a command of pipeline/cli, by name (`ingest`, `query`, …). */
export const cliScripts = Object.entries(scripts).filter(([, command]) => command.startsWith('tsx pipeline/cli/'));

export type CommandResult = { code: number; stdout: string; stderr: string };

/**
 * Runs `npm run <script> -- <args>` inside this process: the same command module and exit code, its
 * output captured. A child process costs a second of start-up per call; this costs none.
 */
export async function runInProcess(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<CommandResult> {
  const file = scripts[script]?.replace(/^tsx /, '');
  if (!file) throw new Error(`no npm script ${script}`);
  const { main } = (await import(pathToFileURL(resolve(file)).href)) as {
    main: (argv: string[]) => Promise<number | void>;
  };
  const saved = { stdout: process.stdout.write, stderr: process.stderr.write, env: { ...process.env } };
  let stdout = '';
  let stderr = '';
  process.stdout.write = ((chunk: string | Uint8Array) => (
    (stdout += String(chunk)),
    true
  )) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (
    (stderr += String(chunk)),
    true
  )) as typeof process.stderr.write;
  Object.assign(process.env, { CLAIMLENS_LLM: '' }, env);
  try {
    const code = await runCommand(main, args);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
    for (const key of Object.keys(process.env)) if (!(key in saved.env)) delete process.env[key];
    Object.assign(process.env, saved.env);
  }
}
