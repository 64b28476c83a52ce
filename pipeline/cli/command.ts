import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ClaimlensError } from '../errors.ts';
import { printableLine } from './table.ts';

/** Thrown by parseCommand for `--help`: the help is printed, and runCommand returns 0 without running the command. */
export class HelpShown extends Error {
  constructor() {
    super('help shown');
    this.name = 'HelpShown';
  }
}

type OptionSpec =
  | { type: 'string'; description: string; default?: string; env?: string; placeholder?: string }
  | { type: 'boolean'; description: string };

export type CommandSpec = {
  name: string;
  usage: string;
  description: string;
  /** The arguments it takes, in order; `many` on the last takes any number. None listed, none taken. */
  positionals?: { name: string; description: string; many?: boolean }[];
  options: Record<string, OptionSpec>;
  examples?: string[];
};

type Parsed<S extends CommandSpec> = {
  positionals: string[];
  options: { [K in keyof S['options']]: S['options'][K] extends { type: 'boolean' } ? boolean : string | undefined };
};

/** The help text, derived from the same definition the parser uses. */
export function helpText(spec: CommandSpec): string {
  const lines = [`${spec.description}`, '', `Usage: ${spec.usage}`, ''];
  if (spec.positionals?.length) {
    lines.push('Arguments:');
    for (const positional of spec.positionals) lines.push(`  ${positional.name.padEnd(24)}${positional.description}`);
    lines.push('');
  }
  lines.push('Options:');
  const entries = Object.entries(spec.options).map(([name, option]) => {
    const flag = option.type === 'string' ? `--${name} <${option.placeholder ?? name}>` : `--${name}`;
    const extras =
      option.type === 'string'
        ? [
            option.default !== undefined ? `default: ${option.default}` : '',
            option.env ? `env: ${option.env}` : '',
          ].filter(Boolean)
        : [];
    return `  ${flag.padEnd(24)}${option.description}${extras.length ? ` (${extras.join(', ')})` : ''}`;
  });
  lines.push(...entries, `  ${'--help'.padEnd(24)}show this help`);
  if (spec.examples?.length) lines.push('', 'Examples:', ...spec.examples.map((example) => `  ${example}`));
  return lines.join('\n');
}

/** Node's parser explains at length how to pass a positional starting with "-"; the user needs the flag's name. */
function argumentProblem(error: Error & { code?: string }): string {
  const flag = /'(-[^']*)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) return `unknown option ${flag}`;
  return error.message.split(/\.\s|\n/)[0]!.replace(/\.$/, '');
}

/** A number below zero: "-5", "-0.5", "-.5", "-1e3". */
const NEGATIVE_NUMBER = /^-(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Node's parser reads "-5" after `--max-file-mb` as a flag and calls the option ambiguous; a negative number
 * there is the option's value, written as `--max-file-mb=-5` so the parser takes it and the option's own
 * check can say what is wrong with it.
 */
function negativeValuesJoined(spec: CommandSpec, argv: string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const next = argv[index + 1];
    if (arg === '--') return [...joined, ...argv.slice(index)];
    const option = arg.startsWith('--') ? spec.options[arg.slice(2)] : undefined;
    if (option?.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      joined.push(`${arg}=${next}`);
      index++;
    } else joined.push(arg);
  }
  return joined;
}

/** A second folder or a stray word would be dropped without a word; the user must hear it is not used. */
function refuseExtraPositionals(spec: CommandSpec, given: string[]): void {
  const takes = spec.positionals ?? [];
  if (takes.at(-1)?.many || given.length <= takes.length) return;
  const what =
    takes.length === 0 ? 'no arguments' : takes.length === 1 ? `one ${takes[0]!.name}` : `${takes.length} arguments`;
  throw new ClaimlensError(
    'BAD_ARGS',
    `${spec.name} takes ${what}; got ${given.length}: ${given.join(', ')}`,
    `usage: ${spec.usage} (--help for more)`,
  );
}

/** Parses argv against the spec; `--help` prints the help and throws HelpShown, a bad flag is a ClaimlensError. */
export function parseCommand<S extends CommandSpec>(
  spec: S,
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): Parsed<S> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${helpText(spec)}\n`);
    throw new HelpShown();
  }
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, option]) => [name, { type: option.type }]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args: negativeValuesJoined(spec, argv), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new ClaimlensError(
      'BAD_ARGS',
      argumentProblem(error as Error & { code?: string }),
      `usage: ${spec.usage} (--help for more)`,
    );
  }
  refuseExtraPositionals(spec, parsed.positionals);
  const values: Record<string, unknown> = { ...parsed.values };
  for (const [name, option] of Object.entries(spec.options)) {
    if (option.type === 'boolean') values[name] = values[name] === true;
    else values[name] ??= (option.env ? env[option.env] : undefined) || option.default;
  }
  return { positionals: parsed.positionals, options: values as Parsed<S>['options'] };
}

/** An option's value as the user typed it, in a message; an empty one as "". */
export const shown = (value: string) => (value === '' ? '""' : value);

export function integerOption(
  value: string | undefined,
  name: string,
  fallback: number,
  min = 1,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new ClaimlensError('BAD_ARGS', `--${name} must be a whole number ${range}, got ${shown(value)}`);
  }
  return number;
}

/** A Node timer waits at most 2^31 - 1 ms; a longer one fires at once, and every request would time out. */
const LONGEST_TIMER_S = Math.floor((2 ** 31 - 1) / 1000);

/** `--timeout-s` in milliseconds. */
export const timeoutOption = (value: string | undefined, fallbackMs: number) =>
  integerOption(value, 'timeout-s', fallbackMs / 1000, 1, LONGEST_TIMER_S) * 1000;

/**
 * Runs a command's main and returns its exit code, turning a ClaimlensError into one line on stderr and
 * code 2. Tests call it in-process; the process entry point is `runIfMain`.
 */
export async function runCommand(main: (argv: string[]) => Promise<number | void>, argv: string[]): Promise<number> {
  try {
    return (await main(argv)) ?? 0;
  } catch (error) {
    if (error instanceof HelpShown) return 0;
    if (error instanceof ClaimlensError) {
      // The message may quote a file name, a server's answer or a model's text: made printable.
      process.stderr.write(`${printableLine(error.toLine())}\n`);
      return 2;
    }
    throw error;
  }
}

const isEntryPoint = (moduleUrl: string) => {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
};

/** Runs main when the module is the process's entry point (`npm run <command>`), and does nothing on import. */
export async function runIfMain(moduleUrl: string, main: (argv: string[]) => Promise<number | void>): Promise<void> {
  if (!isEntryPoint(moduleUrl)) return;
  process.exitCode = await runCommand(main, process.argv.slice(2));
}
