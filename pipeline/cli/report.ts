import { resolve } from 'node:path';
import { writeReports } from '../run/report.ts';
import { databasePath } from '../run.ts';
import { countContradictions } from '../store/contradictions.ts';
import { KEPT_UNCHANGED, openDatabase, storageFailure } from '../store/index.ts';
import { parseCommand, runIfMain, type CommandSpec } from './command.ts';

export const REPORT = {
  name: 'report',
  usage: 'npm run report -- [options]',
  description:
    'Rebuilds <out>/contradictions.md and <out>/report.html from <out>/claims.sqlite, without extracting again.',
  options: {
    out: {
      type: 'string',
      description: 'folder holding claims.sqlite; the reports are written there too',
      default: 'out',
      placeholder: 'dir',
    },
    json: { type: 'boolean', description: 'print the files written as JSON' },
  },
  examples: ['npm run report', 'npm run report -- --out /tmp/run'],
} satisfies CommandSpec;

export async function main(argv: string[]): Promise<number> {
  const { options } = parseCommand(REPORT, argv);
  const out = resolve(options.out ?? 'out');
  const file = databasePath(out);
  const db = openDatabase(file, { readonly: true });
  try {
    const files = writeReports(db, out);
    const contradictions = countContradictions(db);
    if (options.json) process.stdout.write(`${JSON.stringify({ contradictions, files }, null, 2)}\n`);
    else process.stdout.write(`${contradictions} contradictions\n${files.map((file) => `report: ${file}\n`).join('')}`);
    return 0;
  } catch (error) {
    throw storageFailure(error, { file, kept: KEPT_UNCHANGED }) ?? error;
  } finally {
    db.close();
  }
}

await runIfMain(import.meta.url, main);
