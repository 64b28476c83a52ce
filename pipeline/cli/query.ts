import { resolve } from 'node:path';
import { ClaimlensError } from '../errors.ts';
import { databasePath } from '../run.ts';
import { KEPT_UNCHANGED, openDatabase, storageFailure } from '../store/index.ts';
import { helpText, integerOption, parseCommand, runIfMain } from './command.ts';
import { QUERIES, QUERY, readOnlyStatement, text, type Options, type Result } from './queries.ts';
import { rowsWithin } from './sql-limit.ts';
import { formatCsv, formatTable } from './table.ts';

/** Cells longer than this are cut on a terminal, so a row fits a screen; --wide, a pipe or a file gets them whole. */
const TERMINAL_CELL = 60;

type Output = { json: boolean; csv: boolean; wide: boolean; tty: boolean };

function print(result: Result, output: Output): void {
  if (output.json) process.stdout.write(`${JSON.stringify(result.rows, null, 2)}\n`);
  else if (output.csv) process.stdout.write(formatCsv(result.rows, result.fields));
  else
    process.stdout.write(
      `${formatTable(result.rows, result.columns, output.tty && !output.wide ? { maxWidth: TERMINAL_CELL } : {})}\n`,
    );
}

/** Where the query's name stands: the first word that is not an option or an option's value ("--out X search …"). */
function nameIndex(argv: readonly string[]): number {
  // With --sql there is no named query, and any word is an argument too many.
  if (argv.some((arg) => arg === '--sql' || arg.startsWith('--sql='))) return -1;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return i + 1 < argv.length ? i + 1 : -1;
    if (arg.startsWith('--')) {
      const option = QUERY.options[arg.slice(2) as keyof typeof QUERY.options] as { type: string } | undefined;
      if (option?.type === 'string') i++;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') return i;
  }
  return -1;
}

export async function main(argv: string[]): Promise<number> {
  const at = nameIndex(argv);
  const name = at >= 0 ? argv[at] : undefined;
  const named = name !== undefined ? QUERIES[name] : undefined;
  if (name !== undefined && !named) {
    throw new ClaimlensError(
      'BAD_ARGS',
      `unknown query "${name}"`,
      `use one of: ${Object.keys(QUERIES).join(', ')}, or --sql; see npm run query -- --help`,
    );
  }
  const rest = named ? [...argv.slice(0, at), ...argv.slice(at + 1)] : argv;
  const { positionals, options } = parseCommand(named?.spec ?? QUERY, rest) as {
    positionals: string[];
    options: Options;
  };
  if (!named && typeof options.sql !== 'string') {
    process.stderr.write(`${helpText(QUERY)}\n`);
    return 2;
  }
  if (options.json === true && options.csv === true)
    throw new ClaimlensError('BAD_ARGS', '--json and --csv cannot be combined', 'choose one');
  const output: Output = {
    json: options.json === true,
    csv: options.csv === true,
    wide: options.wide === true,
    tty: Boolean(process.stdout.isTTY),
  };
  const file = databasePath(resolve(text(options.out) ?? 'out'));
  const db = openDatabase(file, { readonly: true });
  if (!named) {
    const seconds = integerOption(text(options['time-limit-s']) ?? undefined, 'time-limit-s', 30);
    try {
      readOnlyStatement(db, options.sql as string);
    } finally {
      db.close();
    }
    print(await rowsWithin(file, options.sql as string, seconds), output);
    return 0;
  }
  try {
    const limit = integerOption(text(options.limit) ?? undefined, 'limit', 100);
    print(named.run(db, positionals, options, limit), output);
    return 0;
  } catch (error) {
    throw storageFailure(error, { file, kept: KEPT_UNCHANGED }) ?? error;
  } finally {
    db.close();
  }
}

await runIfMain(import.meta.url, main);
