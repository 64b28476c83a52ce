import { resolve } from 'node:path';
import { ClaimlensError } from '../errors.ts';
import { databasePath } from '../run.ts';
import { openDatabase } from '../store/index.ts';
import { helpText, integerOption, parseCommand, runIfMain } from './command.ts';
import { QUERIES, QUERY, readOnlyRows, text, type Options, type Result } from './queries.ts';
import { formatTable } from './table.ts';

function print(result: Result, json: boolean): void {
  if (json) process.stdout.write(`${JSON.stringify(result.rows, null, 2)}\n`);
  else process.stdout.write(`${formatTable(result.rows, result.columns)}\n`);
}

export async function main(argv: string[]): Promise<number> {
  const name = argv.find((arg) => !arg.startsWith('-'));
  const named = name !== undefined && argv.indexOf(name) === 0 ? QUERIES[name] : undefined;
  if (name !== undefined && argv.indexOf(name) === 0 && !named) {
    throw new ClaimlensError('BAD_ARGS', `unknown query "${name}"`, `use one of: ${Object.keys(QUERIES).join(', ')}, or --sql; see npm run query -- --help`);
  }
  const { positionals, options } = parseCommand(named?.spec ?? QUERY, named ? argv.slice(1) : argv) as { positionals: string[]; options: Options };
  if (!named && typeof options.sql !== 'string') {
    process.stderr.write(`${helpText(QUERY)}\n`);
    return 2;
  }
  const db = openDatabase(databasePath(resolve(text(options.out) ?? 'out')), { readonly: true });
  try {
    const limit = integerOption(text(options.limit) ?? undefined, 'limit', 100);
    print(named ? named.run(db, positionals, options, limit) : readOnlyRows(db, options.sql as string), options.json === true);
    return 0;
  } finally {
    db.close();
  }
}

await runIfMain(import.meta.url, main);
