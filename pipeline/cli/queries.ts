/** The named queries and the read-only SQL door of `npm run query`, apart from the process IO. */
import { ContradictionKind } from '../../schemas/contradiction.ts';
import { ClaimlensError } from '../errors.ts';
import { KEPT_UNCHANGED, storageFailure, type Db } from '../store/index.ts';
import { integerOption, type CommandSpec } from './command.ts';

const COMMON = {
  out: { type: 'string', description: 'folder holding claims.sqlite', default: 'out', placeholder: 'dir' },
  limit: { type: 'string', description: 'at most this many rows', default: '100', placeholder: 'n' },
  json: { type: 'boolean', description: 'print the rows as JSON, every column, for scripts' },
  csv: { type: 'boolean', description: 'print the rows as CSV with a header line, every column' },
  wide: {
    type: 'boolean',
    description: 'on a terminal too, print every character of every cell (a pipe or a file always gets them)',
  },
} as const;

export type Options = Record<string, string | boolean | undefined>;
/** `columns` are the ones a terminal table shows; `fields` every column of the rows, for --json and --csv. */
export type Result = { rows: Record<string, unknown>[]; columns: string[]; fields: string[] };
export type NamedQuery = {
  spec: CommandSpec;
  run: (db: Db, words: string[], options: Options, limit: number) => Result;
};

export const text = (value: string | boolean | undefined) => (typeof value === 'string' && value !== '' ? value : null);

/** Runs a named query's SELECT: the rows, the columns the table shows, and every column the statement gives. */
function select(db: Db, sql: string, params: unknown, columns: string[]): Result {
  const prepared = db.prepare(sql);
  return {
    rows: prepared.all(params) as Record<string, unknown>[],
    columns,
    fields: prepared.columns().map((column) => column.name),
  };
}

const command = (
  name: string,
  usage: string,
  description: string,
  options: CommandSpec['options'],
  examples: string[],
  positionals?: CommandSpec['positionals'],
): CommandSpec => ({
  name: `query ${name}`,
  usage: `npm run query -- ${name} ${usage}`.trim(),
  description,
  options: { ...options, ...COMMON },
  examples,
  ...(positionals ? { positionals } : {}),
});

export const QUERIES: Record<string, NamedQuery> = {
  claims: {
    spec: command(
      'claims',
      '[--actor X] [--language L] [--cluster ID] [--path P] [options]',
      "Claims, newest articles first (then by path and place in the article); filter by actor (a part of the name), language, cluster or one article's path.",
      {
        actor: { type: 'string', description: 'actor contains this text (any case)', placeholder: 'text' },
        language: { type: 'string', description: 'nl, de or en', placeholder: 'code' },
        cluster: { type: 'string', description: 'claims of this cluster', placeholder: 'id' },
        path: {
          type: 'string',
          description:
            'claims of the article at this path, in the order they stand in it (a .jsonl line: feed.jsonl#12)',
          placeholder: 'path',
        },
      },
      [
        'npm run query -- claims --actor Zoom',
        'npm run query -- claims --language de --json',
        'npm run query -- claims --path nl/zoom-taiwan-verbod.txt',
      ],
    ),
    run: (db, _words, options, limit) =>
      select(
        db,
        `SELECT v.claim_id, v.path, v.language, v.actor, v.action, v.date, v.date_start, v.source, v.polarity, v.modality, v.cluster_id, v.statement_en, v.statement_origin, v.quote,
         v.char_start, v.char_end, a.published
       FROM v_claims v JOIN articles a ON a.article_id = v.article_id
       WHERE (@actor IS NULL OR v.actor LIKE '%' || @actor || '%') AND (@language IS NULL OR v.language = @language)
         AND (@cluster IS NULL OR v.cluster_id = @cluster)
         AND (@path IS NULL OR v.article_id = (SELECT p.article_id FROM article_paths p WHERE p.path = @path))
       ORDER BY a.published DESC NULLS LAST, v.path, v.char_start, v.claim_id LIMIT @limit`,
        {
          actor: text(options.actor),
          language: text(options.language),
          cluster: text(options.cluster),
          path: text(options.path),
          limit,
        },
        ['path', 'published', 'language', 'actor', 'action', 'date', 'polarity', 'statement_en', 'statement_origin'],
      ),
  },
  clusters: {
    spec: command(
      'clusters',
      '[--min-claims N] [options]',
      'Canonical claims, the most reported first: how many claims, articles, outlets and languages support each.',
      {
        'min-claims': {
          type: 'string',
          description: 'only clusters with at least this many claims',
          default: '1',
          placeholder: 'n',
        },
      },
      ['npm run query -- clusters', 'npm run query -- clusters --min-claims 3 --json'],
    ),
    run: (db, _words, options, limit) =>
      select(
        db,
        'SELECT * FROM v_clusters WHERE n_claims >= ? ORDER BY n_claims DESC, n_sources DESC, cluster_id LIMIT ?',
        [integerOption(text(options['min-claims']) ?? undefined, 'min-claims', 1), limit],
        ['cluster_id', 'n_claims', 'n_articles', 'n_sources', 'languages', 'first_date', 'last_date', 'statement_en'],
      ),
  },
  contradictions: {
    spec: command(
      'contradictions',
      '[--kind K] [options]',
      'Contradictions between sources, highest score first.',
      {
        kind: { type: 'string', description: `one of ${ContradictionKind.options.join(', ')}`, placeholder: 'kind' },
      },
      ['npm run query -- contradictions', 'npm run query -- contradictions --kind numeric'],
    ),
    run: (db, _words, options, limit) => {
      const kind = text(options.kind);
      if (kind && !ContradictionKind.safeParse(kind).success) {
        throw new ClaimlensError(
          'BAD_ARGS',
          `unknown --kind "${kind}"`,
          `use one of: ${ContradictionKind.options.join(', ')}`,
        );
      }
      return select(
        db,
        'SELECT * FROM v_contradictions WHERE (@kind IS NULL OR kind = @kind) ORDER BY score DESC, contradiction_id LIMIT @limit',
        { kind, limit },
        ['kind', 'score', 'path_a', 'quote_a', 'path_b', 'quote_b', 'explanation'],
      );
    },
  },
  articles: {
    spec: command(
      'articles',
      '[--status S] [--language L] [options]',
      'Articles by path, with their status, language and number of claims; errors say why.',
      {
        status: { type: 'string', description: 'ok, skipped or error', placeholder: 'status' },
        language: { type: 'string', description: 'nl, de, en or another detected code', placeholder: 'code' },
      },
      ['npm run query -- articles --status error', 'npm run query -- articles --language nl'],
    ),
    run: (db, _words, options, limit) =>
      select(
        db,
        'SELECT * FROM v_articles WHERE (@status IS NULL OR status = @status) AND (@language IS NULL OR language = @language) ORDER BY path LIMIT @limit',
        { status: text(options.status), language: text(options.language), limit },
        ['path', 'status', 'language', 'outlet', 'published', 'n_claims', 'error'],
      ),
  },
  search: {
    spec: command(
      'search',
      '<words…> [options]',
      'Full-text search over claims (actor, action, reason, source, quote, English statement), best matches first.',
      {},
      ['npm run query -- search Zoom verbod', 'npm run query -- search "encryption keys" --json'],
      [{ name: 'words', description: 'every word must occur; accents and case are ignored', many: true }],
    ),
    run: (db, words, _options, limit) => {
      const terms = words.flatMap((word) => word.split(/\s+/)).filter(Boolean);
      if (terms.length === 0)
        throw new ClaimlensError('BAD_ARGS', 'search needs at least one word', 'e.g. npm run query -- search Zoom');
      // Each word quoted, so FTS5 operators typed by a user (NOT, *, :) are searched for, not run.
      const match = terms.map((term) => `"${term.replace(/"/g, '""')}"`).join(' ');
      // The quote as stored, so a script gets the evidence; the snippet, with the matched words in [brackets], apart.
      return select(
        db,
        `SELECT v.claim_id, v.path, v.language, v.actor, v.action, v.date, v.date_start, v.date_end, v.reason, v.source, v.quote,
           v.char_start, v.char_end, v.statement_en, v.polarity, v.modality, v.cluster_id, snippet(claims_fts, 4, '[', ']', '…', 12) AS snippet
         FROM claims_fts JOIN claims c ON c.claim_rowid = claims_fts.rowid JOIN v_claims v ON v.claim_id = c.claim_id
         WHERE claims_fts MATCH ? ORDER BY bm25(claims_fts), v.claim_id LIMIT ?`,
        [match, limit],
        ['path', 'language', 'actor', 'snippet', 'statement_en'],
      );
    },
  },
};

export const QUERY = {
  name: 'query',
  usage: 'npm run query -- <name> [args] [options] | npm run query -- --sql "select …"',
  description: [
    'Answers questions from <out>/claims.sqlite without changing it: a table on the terminal (cells cut to fit unless --wide;',
    'a pipe or a file gets them whole), JSON with --json, CSV with --csv.',
    '',
    'Named queries (each has --help):',
    ...Object.entries(QUERIES).map(([name, query]) => `  ${name.padEnd(16)}${query.spec.description}`),
  ].join('\n'),
  options: {
    sql: {
      type: 'string',
      description: 'run one read-only SQL statement (SELECT, WITH …); --limit does not apply',
      placeholder: 'select …',
    },
    'time-limit-s': {
      type: 'string',
      description: '--sql stops after this many seconds',
      default: '30',
      placeholder: 's',
    },
    ...COMMON,
  },
  examples: [
    'npm run query -- claims --actor Zoom',
    'npm run query -- contradictions --kind numeric',
    'npm run query -- search encryption keys',
    'npm run query -- --sql "select kind, count(*) from v_contradictions group by kind"',
  ],
} satisfies CommandSpec;

/** Prepares one statement the user typed, refusing anything that could write; nothing runs yet. */
export function readOnlyStatement(db: Db, sql: string) {
  let statement;
  try {
    statement = db.prepare(sql);
  } catch (error) {
    throw (
      storageFailure(error, { file: db.name, kept: KEPT_UNCHANGED }) ??
      new ClaimlensError(
        'BAD_SQL',
        `SQL error: ${(error as Error).message}`,
        'check the statement; the public views are listed in the README',
      )
    );
  }
  if (!statement.readonly || !statement.reader) {
    throw new ClaimlensError(
      'READ_ONLY',
      '--sql runs read-only queries and this statement would change the database',
      'use SELECT (or WITH … SELECT); the pipeline is the only writer',
    );
  }
  return statement;
}

/** Runs one statement the user typed, refusing anything that could write; no time limit (see sql-limit.ts). */
export function readOnlyRows(db: Db, sql: string): Result {
  const statement = readOnlyStatement(db, sql);
  try {
    const rows = statement.all() as Record<string, unknown>[];
    const columns = statement.columns().map((column) => column.name);
    return { rows, columns, fields: columns };
  } catch (error) {
    throw new ClaimlensError('BAD_SQL', `SQL error: ${(error as Error).message}`, 'check the statement');
  }
}
