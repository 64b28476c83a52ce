import Database from 'better-sqlite3';
import { mkdirSync, accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { ClaimlensError } from '../errors.ts';
import { KEPT_UNCHANGED, storageFailure } from './failure.ts';
import { MIGRATIONS } from './migrations.ts';

export type Db = Database.Database;

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement, compiled once per connection: preparing costs more than a small write. */
export function statement(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}

/**
 * mkdir -p one level at a time. Node's recursive mkdir loops forever under a pseudo file system
 * (`/proc/x` answers ENOENT to every attempt), so each missing level is made on its own and the
 * first failure is the answer.
 */
export function ensureFolder(folder: string): void {
  const missing: string[] = [];
  for (let at = folder; !existsSync(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const level of missing) mkdirSync(level);
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = db.pragma('user_version', { simple: true }) as number;
  MIGRATIONS.slice(applied).forEach((migration, offset) => {
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO _migrations (name, applied_at) VALUES (?, ?)').run(
        migration.name,
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${applied + offset + 1}`);
    })();
  });
}

/**
 * Opens (or creates) the database, migrated to the current schema. A database that another
 * claimlens run is writing is refused at once rather than waited on, since two writers would
 * interleave their articles.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  if (!options.readonly) {
    try {
      ensureFolder(dirname(file));
      accessSync(dirname(file), constants.W_OK);
    } catch {
      throw new ClaimlensError(
        'OUT_NOT_WRITABLE',
        `cannot write to ${dirname(file)}`,
        'choose another folder with --out',
      );
    }
  }
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    if (options.readonly)
      throw new ClaimlensError('NO_DATABASE', `no database at ${file}`, 'run `npm run ingest` first');
    throw new ClaimlensError('DB_OPEN', `cannot open ${file}: ${(error as Error).message}`, 'check the --out folder');
  }
  if (options.readonly) {
    try {
      // In WAL mode the first read creates and sizes claims.sqlite-shm: a full disk shows here, not mid-query.
      db.pragma('user_version', { simple: true });
    } catch (error) {
      db.close();
      throw openFailure(error, file);
    }
    return db;
  }
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // Take the write lock for a moment: fails fast when another process holds the database.
    db.exec('BEGIN IMMEDIATE; COMMIT;');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    db.close();
    if (isBusy(error)) {
      throw new ClaimlensError(
        'DB_BUSY',
        `${file} is in use by another process`,
        'wait for the other run to finish, or use another --out',
      );
    }
    throw openFailure(error, file);
  }
  return db;
}

function openFailure(error: unknown, file: string): ClaimlensError {
  return (
    storageFailure(error, { file, kept: KEPT_UNCHANGED }) ??
    new ClaimlensError('DB_OPEN', `cannot use ${file}: ${(error as Error).message}`, 'use another --out')
  );
}
