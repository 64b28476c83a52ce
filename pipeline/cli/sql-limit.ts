import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { ClaimlensError } from '../errors.ts';
import type { Result } from './queries.ts';

/**
 * The child that runs a user's statement. better-sqlite3 runs a query inside one native call that
 * neither a timer nor a worker's terminate() can interrupt (a recursive CTE keeps the thread until
 * it ends), so the statement runs in a separate process that can be killed. Plain JavaScript with
 * no loader, so it starts in tens of milliseconds; it stops itself between rows at the deadline
 * too, so a statement streaming endless rows ends without holding them all in memory.
 */
const CHILD = `
const [driver, file, sql, deadline] = process.argv.slice(1);
const Database = (await import(driver)).default;
let db;
try {
  db = new Database(file, { readonly: true, fileMustExist: true });
  const statement = db.prepare(sql);
  const columns = statement.columns().map((column) => column.name);
  const rows = [];
  for (const row of statement.iterate()) {
    // A BLOB as SQL writes it (x'0a1b'), not as JSON's idea of a Buffer.
    for (const key in row) if (row[key] instanceof Uint8Array) row[key] = "x'" + Buffer.from(row[key]).toString('hex') + "'";
    rows.push(row);
    if (rows.length % 1024 === 0 && Date.now() > Number(deadline)) { process.stdout.write(JSON.stringify({ timedOut: true })); process.exit(0); }
  }
  process.stdout.write(JSON.stringify({ rows, columns }));
} catch (error) {
  process.stdout.write(JSON.stringify({ error: error.message }));
}
`;

const driverUrl = () => `file://${createRequire(import.meta.url).resolve('better-sqlite3')}`;

const timedOut = (seconds: number) =>
  new ClaimlensError(
    'SQL_TIME_LIMIT',
    `--sql stopped after ${seconds} s (its time limit)`,
    'narrow the statement (a LIMIT, a WHERE), or raise --time-limit-s',
  );

/** Runs an already checked read-only statement against the database file, killed after `seconds`. */
export function rowsWithin(file: string, sql: string, seconds: number): Promise<Result> {
  const deadline = Date.now() + seconds * 1000;
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', CHILD, driverUrl(), file, sql, String(deadline)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const chunks: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let killed = false;
    const timer = setTimeout(
      () => {
        killed = true;
        child.kill('SIGKILL');
      },
      seconds * 1000 + 250,
    );
    child.on('close', () => {
      clearTimeout(timer);
      if (killed) return reject(timedOut(seconds));
      let answer: { rows?: Record<string, unknown>[]; columns?: string[]; error?: string; timedOut?: boolean };
      try {
        answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return reject(
          new ClaimlensError(
            'BAD_SQL',
            `SQL error: the query process ended without an answer (${stderr.trim().split('\n').pop() ?? 'no message'})`,
            'check the statement',
          ),
        );
      }
      if (answer.timedOut) return reject(timedOut(seconds));
      if (answer.error !== undefined)
        return reject(new ClaimlensError('BAD_SQL', `SQL error: ${answer.error}`, 'check the statement'));
      const columns = answer.columns ?? [];
      resolve({ rows: answer.rows ?? [], columns, fields: columns });
    });
  });
}
