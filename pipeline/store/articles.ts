import type { FileStamp, LanguageGuess, LoadedArticle, LoadFailure } from '../../schemas/article.ts';
import type { GroundedClaim, UnalignedClaim } from '../../schemas/claim.ts';
import { contentId } from '../hash.ts';
import type { ArticleRecord, ExtractorIdentity } from '../../schemas/record.ts';
import { statement, type Db } from './open.ts';

export type { ArticleRecord, ExtractorIdentity } from '../../schemas/record.ts';

export const extractorKey = (identity: ExtractorIdentity) =>
  `${identity.extractor}|${identity.model}|${identity.promptVersion}`;

export type ArticleState = { status: string; extractorKey: string | null };

const now = () => new Date().toISOString();

/** How a path came out when it was last processed, for the summary of a run that did not redo it. */
export type StoredPathOutcome = {
  path: string;
  status: 'ok' | 'skipped' | 'error';
  language: string | null;
  error: string | null;
  claims: number;
};

export function articleOutcome(db: Db, path: string, articleId: string): StoredPathOutcome {
  return statement(
    db,
    `SELECT ? AS path, status, language, error, (SELECT count(*) FROM claims c WHERE c.article_id = a.article_id) AS claims
     FROM articles a WHERE article_id = ?`,
  ).get(path, articleId) as StoredPathOutcome;
}

export function countClaims(db: Db): number {
  return (statement(db, 'SELECT count(*) AS n FROM claims').get() as { n: number }).n;
}

export function articleState(db: Db, articleId: string): ArticleState | undefined {
  const row = statement(db, 'SELECT status, extractor_key FROM articles WHERE article_id = ?').get(articleId) as
    { status: string; extractor_key: string | null } | undefined;
  return row && { status: row.status, extractorKey: row.extractor_key };
}

function outletId(db: Db, name: string | undefined): number | null {
  if (!name) return null;
  statement(db, 'INSERT OR IGNORE INTO outlets (name) VALUES (?)').run(name);
  return (statement(db, 'SELECT outlet_id FROM outlets WHERE name = ?').get(name) as { outlet_id: number }).outlet_id;
}

/** Deletes an article no path points to any more, with its claims (cascade). */
function dropIfOrphaned(db: Db, articleId: string | null): void {
  if (!articleId) return;
  const referenced = statement(db, 'SELECT 1 FROM article_paths WHERE article_id = ? LIMIT 1').get(articleId);
  if (!referenced) statement(db, 'DELETE FROM articles WHERE article_id = ?').run(articleId);
}

/**
 * Points a path at an article (or at nothing, for a failure). Writes only when something changed,
 * so that an unchanged re-run leaves the database as it was; an article its path no longer
 * shows is removed with its claims.
 */
/** What a path says about its article: the same text under two paths may name two outlets. */
type PathMetadata = Pick<LoadedArticle, 'metadata'>['metadata'] | undefined;

function pathMetadataRow(db: Db, metadata: PathMetadata) {
  return {
    title: metadata?.title ?? null,
    outlet_id: outletId(db, metadata?.outlet),
    published: metadata?.published?.iso ?? null,
    published_precision: metadata?.published?.precision ?? null,
    url: metadata?.url ?? null,
    author: metadata?.author ?? null,
  };
}

type StoredPath = {
  article_id: string | null;
  status: string;
  error: string | null;
  file_size: number | null;
  file_mtime_ms: number | null;
  title: string | null;
  outlet_id: number | null;
  published: string | null;
  published_precision: string | null;
  url: string | null;
  author: string | null;
};

const METADATA_COLUMNS = ['title', 'outlet_id', 'published', 'published_precision', 'url', 'author'] as const;

function upsertPath(
  db: Db,
  path: string,
  articleId: string | null,
  status: string,
  error: string | null,
  stamp: FileStamp | undefined,
  metadata?: PathMetadata,
): boolean {
  const previous = statement(
    db,
    `SELECT article_id, status, error, file_size, file_mtime_ms, ${METADATA_COLUMNS.join(', ')} FROM article_paths WHERE path = ?`,
  ).get(path) as StoredPath | undefined;
  const size = stamp?.size ?? null;
  const mtime = stamp?.mtimeMs ?? null;
  const described = pathMetadataRow(db, metadata);
  const same = previous && previous.article_id === articleId && previous.status === status && previous.error === error;
  const sameMetadata = previous && METADATA_COLUMNS.every((column) => previous[column] === described[column]);
  if (same && sameMetadata && previous.file_size === size && previous.file_mtime_ms === mtime) return false;
  statement(
    db,
    `INSERT INTO article_paths (path, article_id, status, error, seen_at, file_size, file_mtime_ms, ${METADATA_COLUMNS.join(', ')})
     VALUES (@path, @article_id, @status, @error, @seen_at, @file_size, @file_mtime_ms, ${METADATA_COLUMNS.map((column) => `@${column}`).join(', ')})
     ON CONFLICT (path) DO UPDATE SET article_id = excluded.article_id, status = excluded.status,
       error = excluded.error, seen_at = excluded.seen_at, file_size = excluded.file_size, file_mtime_ms = excluded.file_mtime_ms,
       ${METADATA_COLUMNS.map((column) => `${column} = excluded.${column}`).join(', ')}`,
  ).run({
    path,
    article_id: articleId,
    status,
    error,
    seen_at: now(),
    file_size: size,
    file_mtime_ms: mtime,
    ...described,
  });
  if (previous && previous.article_id !== articleId) dropIfOrphaned(db, previous.article_id);
  return true;
}

export function recordFailure(db: Db, failure: LoadFailure): boolean {
  return db.transaction(() => upsertPath(db, failure.path, null, failure.status, failure.reason, failure.stamp))();
}

/**
 * Another path for an article already stored (the same text twice, or an unchanged re-run), with
 * that path's own title, outlet, date and URL.
 */
export function linkPath(
  db: Db,
  article: Pick<LoadedArticle, 'path' | 'stamp' | 'metadata'>,
  articleId: string,
): boolean {
  return db.transaction(() => upsertPath(db, article.path, articleId, 'ok', null, article.stamp, article.metadata))();
}

/** A file whose every article is stored: an unchanged re-run may skip it. */
export function markFileRead(db: Db, path: string, stamp: FileStamp): void {
  statement(
    db,
    'INSERT OR REPLACE INTO _files_read (path, file_size, file_mtime_ms) VALUES (@path, @size, @mtime)',
  ).run({ path, size: stamp.size, mtime: stamp.mtimeMs });
}

/**
 * What a file gave last time, when it has not changed since (same size and mtime) and every
 * article in it is done with this extractor; undefined when the file must be read again.
 * A .jsonl feed answers for all its lines (`feed.jsonl#N`).
 */
export function unchangedFileOutcomes(
  db: Db,
  path: string,
  stamp: FileStamp,
  key: string,
): StoredPathOutcome[] | undefined {
  const rows = statement(
    db,
    `SELECT p.path, p.status AS path_status, p.error AS path_error, p.file_size, p.file_mtime_ms,
            a.status, a.language, a.error, a.extractor_key,
            (SELECT count(*) FROM claims c WHERE c.article_id = p.article_id) AS claims
     FROM article_paths p LEFT JOIN articles a ON a.article_id = p.article_id
     WHERE p.path = @path OR (p.path > @path || '#' AND p.path < @path || '$')`,
  ).all({ path }) as {
    path: string;
    path_status: StoredPathOutcome['status'];
    path_error: string | null;
    file_size: number | null;
    file_mtime_ms: number | null;
    status: StoredPathOutcome['status'] | null;
    language: string | null;
    error: string | null;
    extractor_key: string | null;
    claims: number;
  }[];
  if (rows.length === 0) return undefined;
  const read = statement(db, 'SELECT file_size, file_mtime_ms FROM _files_read WHERE path = ?').get(path) as
    { file_size: number; file_mtime_ms: number } | undefined;
  // A run stopped inside the file (a killed .jsonl feed) stored only its first lines.
  if (read?.file_size !== stamp.size || read.file_mtime_ms !== stamp.mtimeMs) return undefined;
  const outcomes: StoredPathOutcome[] = [];
  for (const row of rows) {
    if (row.file_size !== stamp.size || row.file_mtime_ms !== stamp.mtimeMs) return undefined;
    if (row.path_status !== 'ok' || row.status === null) {
      outcomes.push({ path: row.path, status: row.path_status, language: null, error: row.path_error, claims: 0 });
      continue;
    }
    // An extraction that failed is tried again; one made by another extractor is redone.
    if (row.status === 'error' || row.extractor_key !== key) return undefined;
    outcomes.push({ path: row.path, status: row.status, language: row.language, error: row.error, claims: row.claims });
  }
  return outcomes;
}

const INSERT_CLAIM = `INSERT OR IGNORE INTO claims (
  claim_id, article_id, actor, action, date_text, date_start, date_end, date_precision, reason, source,
  quote, char_start, char_end, alignment, alignment_score, statement_en, polarity, modality,
  extractor, model, prompt_version, statement_origin
) VALUES (
  @claim_id, @article_id, @actor, @action, @date_text, @date_start, @date_end, @date_precision, @reason, @source,
  @quote, @char_start, @char_end, @alignment, @alignment_score, @statement_en, @polarity, @modality,
  @extractor, @model, @prompt_version, @statement_origin
)`;

export const claimId = (articleId: string, claim: GroundedClaim) =>
  contentId(articleId, claim.char_start, claim.char_end, claim.actor, claim.action, claim.polarity, claim.modality);

/**
 * Stores an article with its claims and unaligned extractions, replacing whatever an earlier
 * extraction of the same text left, and points the path at it: all or nothing.
 */
export function saveArticle(db: Db, record: ArticleRecord): void {
  const { articleId, article, language, identity } = record;
  const { metadata } = article;
  db.transaction(() => {
    statement(db, 'INSERT OR IGNORE INTO languages (code, name) VALUES (?, ?)').run(language.code, language.code);
    statement(
      db,
      `INSERT INTO articles (article_id, text, title, outlet_id, published, published_precision, url, author, encoding,
         language, language_confidence, status, error, extractor_key, n_unaligned, processed_at, n_replaced)
       VALUES (@article_id, @text, @title, @outlet_id, @published, @published_precision, @url, @author, @encoding,
         @language, @language_confidence, @status, @error, @extractor_key, @n_unaligned, @processed_at, @n_replaced)
       ON CONFLICT (article_id) DO UPDATE SET title = excluded.title, outlet_id = excluded.outlet_id,
         published = excluded.published, published_precision = excluded.published_precision, url = excluded.url,
         author = excluded.author, language = excluded.language, language_confidence = excluded.language_confidence,
         status = excluded.status, error = excluded.error, extractor_key = excluded.extractor_key,
         n_unaligned = excluded.n_unaligned, processed_at = excluded.processed_at, encoding = excluded.encoding, n_replaced = excluded.n_replaced`,
    ).run({
      article_id: articleId,
      text: article.text,
      title: metadata.title ?? null,
      outlet_id: outletId(db, metadata.outlet),
      published: metadata.published?.iso ?? null,
      published_precision: metadata.published?.precision ?? null,
      url: metadata.url ?? null,
      author: metadata.author ?? null,
      encoding: article.encoding,
      n_replaced: article.replaced ?? 0,
      language: language.code,
      language_confidence: language.confidence,
      status: record.status,
      error: record.error ?? null,
      extractor_key: extractorKey(identity),
      n_unaligned: record.unaligned.length,
      processed_at: now(),
    });
    statement(db, 'DELETE FROM claims WHERE article_id = ?').run(articleId);
    statement(db, 'DELETE FROM unaligned WHERE article_id = ?').run(articleId);
    const insertClaim = statement(db, INSERT_CLAIM);
    for (const claim of record.claims) {
      insertClaim.run({
        claim_id: claimId(articleId, claim),
        article_id: articleId,
        actor: claim.actor,
        action: claim.action,
        date_text: claim.date,
        date_start: claim.date_start,
        date_end: claim.date_end,
        date_precision: claim.date_precision,
        reason: claim.reason,
        source: claim.source,
        quote: claim.quote,
        char_start: claim.char_start,
        char_end: claim.char_end,
        alignment: claim.alignment,
        alignment_score: claim.alignment_score,
        statement_en: claim.statement_en,
        polarity: claim.polarity,
        modality: claim.modality,
        extractor: identity.extractor,
        model: identity.model,
        prompt_version: identity.promptVersion,
        statement_origin: claim.statement_origin ?? null,
      });
    }
    const insertUnaligned = statement(
      db,
      `INSERT OR IGNORE INTO unaligned (unaligned_id, article_id, quote, statement_en, actor, action, extractor, model, prompt_version, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const claim of record.unaligned) {
      insertUnaligned.run(
        contentId(articleId, claim.quote, claim.statement_en),
        articleId,
        claim.quote,
        claim.statement_en,
        claim.actor,
        claim.action,
        identity.extractor,
        identity.model,
        identity.promptVersion,
        claim.unaligned_reason,
      );
    }
    upsertPath(db, article.path, articleId, 'ok', null, article.stamp, metadata);
  })();
}

/** A key that changes whenever any claim is added, removed or changed (kept by triggers). */
export function claimsVersion(db: Db): number {
  return (statement(db, 'SELECT version FROM _claims_version').get() as { version: number }).version;
}

/** The inputs a stage last ran on, to skip it when they are the same. */
export function stageInput(db: Db, stage: string): string | undefined {
  return (
    statement(db, 'SELECT input_key FROM _stage_inputs WHERE stage = ?').get(stage) as { input_key: string } | undefined
  )?.input_key;
}

export function recordStageInput(db: Db, stage: string, inputKey: string): void {
  if (stageInput(db, stage) === inputKey) return;
  statement(
    db,
    'INSERT INTO _stage_inputs (stage, input_key) VALUES (?, ?) ON CONFLICT (stage) DO UPDATE SET input_key = excluded.input_key',
  ).run(stage, inputKey);
}
