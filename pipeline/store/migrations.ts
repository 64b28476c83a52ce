/**
 * Named schema migrations, applied in order, one transaction each; `PRAGMA user_version` counts
 * how many ran and `_migrations` records when. Never edit a shipped migration: add one.
 * Public views (`v_*`) are the contract documented in the README.
 */
export type Migration = { name: string; sql: string };

const TABLES = `
CREATE TABLE languages (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL
);
INSERT INTO languages (code, name) VALUES ('nl', 'Dutch'), ('de', 'German'), ('en', 'English'), ('und', 'undetermined');

CREATE TABLE outlets (
  outlet_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE articles (
  article_id TEXT PRIMARY KEY,
  text TEXT NOT NULL,
  title TEXT,
  outlet_id INTEGER REFERENCES outlets (outlet_id),
  published TEXT,
  published_precision TEXT CHECK (published_precision IN ('day', 'month', 'year')),
  url TEXT,
  author TEXT,
  encoding TEXT NOT NULL,
  language TEXT REFERENCES languages (code),
  language_confidence REAL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'skipped', 'error')),
  error TEXT,
  extractor_key TEXT,
  n_unaligned INTEGER NOT NULL DEFAULT 0,
  processed_at TEXT NOT NULL
);

CREATE TABLE article_paths (
  path TEXT PRIMARY KEY,
  article_id TEXT REFERENCES articles (article_id) ON DELETE SET NULL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'skipped', 'error')),
  error TEXT,
  seen_at TEXT NOT NULL
);
CREATE INDEX article_paths_by_article ON article_paths (article_id);

CREATE TABLE clusters (
  cluster_id TEXT PRIMARY KEY,
  statement_en TEXT NOT NULL
);

CREATE TABLE claims (
  claim_rowid INTEGER PRIMARY KEY,
  claim_id TEXT NOT NULL UNIQUE,
  article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  date_text TEXT,
  date_start TEXT,
  date_end TEXT,
  date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year')),
  reason TEXT,
  source TEXT,
  quote TEXT NOT NULL,
  char_start INTEGER NOT NULL,
  char_end INTEGER NOT NULL,
  alignment TEXT NOT NULL CHECK (alignment IN ('exact', 'normalised', 'fuzzy')),
  alignment_score REAL NOT NULL,
  statement_en TEXT NOT NULL,
  polarity TEXT NOT NULL CHECK (polarity IN ('affirmed', 'negated')),
  modality TEXT NOT NULL CHECK (modality IN ('fact', 'planned', 'advised', 'demanded', 'possible')),
  extractor TEXT NOT NULL,
  model TEXT NOT NULL,
  prompt_version TEXT NOT NULL,
  cluster_id TEXT REFERENCES clusters (cluster_id) ON DELETE SET NULL,
  CHECK (char_end >= char_start)
);
CREATE INDEX claims_by_article ON claims (article_id);
CREATE INDEX claims_by_cluster ON claims (cluster_id);

CREATE TABLE unaligned (
  unaligned_id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
  quote TEXT NOT NULL,
  statement_en TEXT,
  actor TEXT,
  action TEXT,
  extractor TEXT NOT NULL,
  model TEXT NOT NULL,
  prompt_version TEXT NOT NULL
);
CREATE INDEX unaligned_by_article ON unaligned (article_id);

CREATE TABLE contradiction_kinds (
  kind TEXT PRIMARY KEY,
  description TEXT NOT NULL
);
INSERT INTO contradiction_kinds (kind, description) VALUES
  ('numeric', 'the claims give quantities that differ beyond rounding'),
  ('date', 'the claims date the event to periods that cannot overlap'),
  ('polarity', 'one claim asserts what the other negates or reverses'),
  ('modality', 'one claim reports a fact, the other an advice, a plan or a possibility'),
  ('attribution', 'the same statement is credited to different sources'),
  ('other', 'a disagreement of another kind, as judged by a model');

CREATE TABLE contradictions (
  contradiction_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL REFERENCES contradiction_kinds (kind),
  claim_a TEXT NOT NULL REFERENCES claims (claim_id) ON DELETE CASCADE,
  claim_b TEXT NOT NULL REFERENCES claims (claim_id) ON DELETE CASCADE,
  explanation TEXT NOT NULL,
  score REAL NOT NULL,
  judge TEXT NOT NULL
);

CREATE TABLE _llm_cache (
  cache_key TEXT PRIMARY KEY,
  model TEXT NOT NULL,
  prompt_version TEXT NOT NULL,
  response TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE VIRTUAL TABLE claims_fts USING fts5 (
  actor, action, reason, source, quote, statement_en,
  content = 'claims', content_rowid = 'claim_rowid', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
  INSERT INTO claims_fts (rowid, actor, action, reason, source, quote, statement_en)
  VALUES (new.claim_rowid, new.actor, new.action, new.reason, new.source, new.quote, new.statement_en);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, actor, action, reason, source, quote, statement_en)
  VALUES ('delete', old.claim_rowid, old.actor, old.action, old.reason, old.source, old.quote, old.statement_en);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF actor, action, reason, source, quote, statement_en ON claims BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, actor, action, reason, source, quote, statement_en)
  VALUES ('delete', old.claim_rowid, old.actor, old.action, old.reason, old.source, old.quote, old.statement_en);
  INSERT INTO claims_fts (rowid, actor, action, reason, source, quote, statement_en)
  VALUES (new.claim_rowid, new.actor, new.action, new.reason, new.source, new.quote, new.statement_en);
END;
`;

const VIEWS = `
CREATE VIEW v_articles AS
SELECT
  p.article_id,
  p.path,
  a.title,
  o.name AS outlet,
  a.published,
  a.language,
  a.language_confidence,
  CASE WHEN p.status <> 'ok' OR a.article_id IS NULL THEN p.status ELSE a.status END AS status,
  CASE WHEN p.status <> 'ok' OR a.article_id IS NULL THEN p.error ELSE a.error END AS error,
  (SELECT count(*) FROM claims c WHERE c.article_id = p.article_id) AS n_claims
FROM article_paths p
LEFT JOIN articles a ON a.article_id = p.article_id
LEFT JOIN outlets o ON o.outlet_id = a.outlet_id;

CREATE VIEW v_article_text AS
SELECT article_id, text FROM articles;

CREATE VIEW v_claims AS
SELECT
  c.claim_id,
  c.article_id,
  (SELECT min(p.path) FROM article_paths p WHERE p.article_id = c.article_id) AS path,
  a.language,
  c.actor,
  c.action,
  c.date_text AS date,
  c.date_start,
  c.date_end,
  c.reason,
  c.source,
  c.quote,
  c.char_start,
  c.char_end,
  c.alignment,
  c.statement_en,
  c.polarity,
  c.cluster_id,
  c.extractor,
  c.model,
  c.modality,
  c.date_precision,
  c.alignment_score
FROM claims c
JOIN articles a ON a.article_id = c.article_id;

CREATE VIEW v_unaligned AS
SELECT
  u.article_id,
  (SELECT min(p.path) FROM article_paths p WHERE p.article_id = u.article_id) AS path,
  u.quote,
  u.statement_en,
  u.extractor,
  u.model
FROM unaligned u;

CREATE VIEW v_clusters AS
SELECT
  k.cluster_id,
  k.statement_en,
  count(c.claim_id) AS n_claims,
  count(DISTINCT c.article_id) AS n_articles,
  count(DISTINCT coalesce(o.name, c.article_id)) AS n_sources,
  count(DISTINCT a.language) AS n_languages,
  (SELECT group_concat(language, ',') FROM (
     SELECT DISTINCT a2.language FROM claims c2 JOIN articles a2 ON a2.article_id = c2.article_id
     WHERE c2.cluster_id = k.cluster_id ORDER BY a2.language)) AS languages,
  min(coalesce(c.date_start, a.published)) AS first_date
FROM clusters k
JOIN claims c ON c.cluster_id = k.cluster_id
JOIN articles a ON a.article_id = c.article_id
LEFT JOIN outlets o ON o.outlet_id = a.outlet_id
GROUP BY k.cluster_id;

CREATE VIEW v_contradictions AS
SELECT
  x.contradiction_id,
  x.kind,
  x.claim_a,
  x.claim_b,
  (SELECT min(p.path) FROM article_paths p WHERE p.article_id = ca.article_id) AS path_a,
  (SELECT min(p.path) FROM article_paths p WHERE p.article_id = cb.article_id) AS path_b,
  ca.quote AS quote_a,
  cb.quote AS quote_b,
  x.explanation,
  x.score
FROM contradictions x
JOIN claims ca ON ca.claim_id = x.claim_a
JOIN claims cb ON cb.claim_id = x.claim_b;
`;

export const MIGRATIONS: readonly Migration[] = [
  { name: '001-tables', sql: TABLES },
  { name: '002-public-views', sql: VIEWS },
  {
    // Dedup's memory between runs: which lexicons built the clusters, and embeddings by text.
    name: '003-dedup',
    sql: `CREATE TABLE _dedup_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE _embeddings (text_hash TEXT NOT NULL, model TEXT NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (text_hash, model));`,
  },
  {
    // A contradiction's claims represent positions held by many claims: how many stand behind each side.
    name: '004-contradiction-support',
    sql: `ALTER TABLE contradictions ADD COLUMN support_a INTEGER NOT NULL DEFAULT 1;
ALTER TABLE contradictions ADD COLUMN support_b INTEGER NOT NULL DEFAULT 1;`,
  },
  {
    // The size and mtime of the file a path was read from, so an unchanged file is not read again.
    name: '005-file-stamps',
    sql: `ALTER TABLE article_paths ADD COLUMN file_size INTEGER;
ALTER TABLE article_paths ADD COLUMN file_mtime_ms REAL;`,
  },
  {
    // Judge questions that failed after retries and repairs, so an unchanged re-run does not ask again (--force does).
    name: '006-judge-failures',
    sql: `CREATE TABLE _judge_failures (question TEXT PRIMARY KEY, model TEXT NOT NULL, reason TEXT NOT NULL, failed_at TEXT NOT NULL);`,
  },
  {
    // Any change to the claims bumps a counter, so a stage over all claims can tell that nothing changed.
    name: '007-claims-version',
    sql: `CREATE TABLE _claims_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
INSERT INTO _claims_version (id, version) VALUES (1, 0);
CREATE TRIGGER claims_version_insert AFTER INSERT ON claims BEGIN UPDATE _claims_version SET version = version + 1; END;
CREATE TRIGGER claims_version_delete AFTER DELETE ON claims BEGIN UPDATE _claims_version SET version = version + 1; END;
CREATE TRIGGER claims_version_update AFTER UPDATE ON claims BEGIN UPDATE _claims_version SET version = version + 1; END;
CREATE TABLE _stage_inputs (stage TEXT PRIMARY KEY, input_key TEXT NOT NULL);`,
  },
  {
    // Why an extraction was not stored as a claim: its quote is not in the article, or does not carry it.
    name: '008-reliability-unaligned-reason',
    sql: `ALTER TABLE unaligned ADD COLUMN reason TEXT;
DROP VIEW v_unaligned;
CREATE VIEW v_unaligned AS
SELECT
  u.article_id,
  (SELECT min(p.path) FROM article_paths p WHERE p.article_id = u.article_id) AS path,
  u.quote,
  u.statement_en,
  u.extractor,
  u.model,
  u.reason
FROM unaligned u;`,
  },
  {
    // Each path keeps its own metadata (a wire story under two outlets is two sources), and the
    // decoding of its text shows: how it was read and how many invalid byte sequences were replaced.
    name: '009-reliability-path-metadata',
    sql: `ALTER TABLE articles ADD COLUMN n_replaced INTEGER NOT NULL DEFAULT 0;
ALTER TABLE article_paths ADD COLUMN title TEXT;
ALTER TABLE article_paths ADD COLUMN outlet_id INTEGER REFERENCES outlets (outlet_id);
ALTER TABLE article_paths ADD COLUMN published TEXT;
ALTER TABLE article_paths ADD COLUMN published_precision TEXT CHECK (published_precision IN ('day', 'month', 'year'));
ALTER TABLE article_paths ADD COLUMN url TEXT;
ALTER TABLE article_paths ADD COLUMN author TEXT;
UPDATE article_paths SET (title, outlet_id, published, published_precision, url, author) =
  (SELECT a.title, a.outlet_id, a.published, a.published_precision, a.url, a.author FROM articles a WHERE a.article_id = article_paths.article_id)
WHERE article_id IS NOT NULL;
DROP VIEW v_articles;
CREATE VIEW v_articles AS
SELECT
  p.article_id,
  p.path,
  p.title,
  o.name AS outlet,
  p.published,
  a.language,
  a.language_confidence,
  CASE WHEN p.status <> 'ok' OR a.article_id IS NULL THEN p.status ELSE a.status END AS status,
  CASE WHEN p.status <> 'ok' OR a.article_id IS NULL THEN p.error ELSE a.error END AS error,
  (SELECT count(*) FROM claims c WHERE c.article_id = p.article_id) AS n_claims,
  a.encoding,
  a.n_replaced
FROM article_paths p
LEFT JOIN articles a ON a.article_id = p.article_id
LEFT JOIN outlets o ON o.outlet_id = p.outlet_id;
DROP VIEW v_clusters;
CREATE VIEW v_clusters AS
SELECT
  k.cluster_id,
  k.statement_en,
  count(c.claim_id) AS n_claims,
  count(DISTINCT c.article_id) AS n_articles,
  (SELECT count(DISTINCT coalesce(o2.name,
       CASE WHEN instr(p2.path, '/') > 0 THEN substr(p2.path, 1, instr(p2.path, '/'))
            WHEN instr(p2.path, '#') > 0 THEN substr(p2.path, 1, instr(p2.path, '#') - 1)
            ELSE p2.path END))
   FROM claims c2 JOIN article_paths p2 ON p2.article_id = c2.article_id
   LEFT JOIN outlets o2 ON o2.outlet_id = p2.outlet_id
   WHERE c2.cluster_id = k.cluster_id) AS n_sources,
  count(DISTINCT a.language) AS n_languages,
  (SELECT group_concat(language, ',') FROM (
     SELECT DISTINCT a2.language FROM claims c2 JOIN articles a2 ON a2.article_id = c2.article_id
     WHERE c2.cluster_id = k.cluster_id ORDER BY a2.language)) AS languages,
  min(coalesce(c.date_start, a.published)) AS first_date
FROM clusters k
JOIN claims c ON c.cluster_id = k.cluster_id
JOIN articles a ON a.article_id = c.article_id
GROUP BY k.cluster_id;`,
  },
  {
    // What a reader of a contradiction or a cluster needs without joining three views: trailing columns only.
    // A side's outlet and date are those of the path shown for it (a shared text keeps each path's own).
    // The indexes keep a cluster's contradiction count a lookup, not a scan of the table per cluster.
    name: '010-review-view-columns',
    sql: `CREATE INDEX contradictions_by_claim_a ON contradictions (claim_a);
CREATE INDEX contradictions_by_claim_b ON contradictions (claim_b);
DROP VIEW v_contradictions;
CREATE VIEW v_contradictions AS
SELECT
  x.contradiction_id,
  x.kind,
  x.claim_a,
  x.claim_b,
  pa.path AS path_a,
  pb.path AS path_b,
  ca.quote AS quote_a,
  cb.quote AS quote_b,
  x.explanation,
  x.score,
  aa.language AS language_a,
  ab.language AS language_b,
  oa.name AS outlet_a,
  ob.name AS outlet_b,
  coalesce(pa.published, aa.published) AS published_a,
  coalesce(pb.published, ab.published) AS published_b,
  ca.statement_en AS statement_en_a,
  cb.statement_en AS statement_en_b,
  x.support_a,
  x.support_b
FROM contradictions x
JOIN claims ca ON ca.claim_id = x.claim_a
JOIN claims cb ON cb.claim_id = x.claim_b
JOIN articles aa ON aa.article_id = ca.article_id
JOIN articles ab ON ab.article_id = cb.article_id
LEFT JOIN article_paths pa ON pa.path = (SELECT min(p.path) FROM article_paths p WHERE p.article_id = ca.article_id)
LEFT JOIN article_paths pb ON pb.path = (SELECT min(p.path) FROM article_paths p WHERE p.article_id = cb.article_id)
LEFT JOIN outlets oa ON oa.outlet_id = coalesce(pa.outlet_id, aa.outlet_id)
LEFT JOIN outlets ob ON ob.outlet_id = coalesce(pb.outlet_id, ab.outlet_id);
DROP VIEW v_clusters;
CREATE VIEW v_clusters AS
SELECT
  k.cluster_id,
  k.statement_en,
  count(c.claim_id) AS n_claims,
  count(DISTINCT c.article_id) AS n_articles,
  (SELECT count(DISTINCT coalesce(o2.name,
       CASE WHEN instr(p2.path, '/') > 0 THEN substr(p2.path, 1, instr(p2.path, '/'))
            WHEN instr(p2.path, '#') > 0 THEN substr(p2.path, 1, instr(p2.path, '#') - 1)
            ELSE p2.path END))
   FROM claims c2 JOIN article_paths p2 ON p2.article_id = c2.article_id
   LEFT JOIN outlets o2 ON o2.outlet_id = p2.outlet_id
   WHERE c2.cluster_id = k.cluster_id) AS n_sources,
  count(DISTINCT a.language) AS n_languages,
  (SELECT group_concat(language, ',') FROM (
     SELECT DISTINCT a2.language FROM claims c2 JOIN articles a2 ON a2.article_id = c2.article_id
     WHERE c2.cluster_id = k.cluster_id ORDER BY a2.language)) AS languages,
  min(coalesce(c.date_start, a.published)) AS first_date,
  (SELECT group_concat(name, '; ') FROM (
     SELECT DISTINCT o3.name FROM claims c3 JOIN article_paths p3 ON p3.article_id = c3.article_id JOIN outlets o3 ON o3.outlet_id = p3.outlet_id
     WHERE c3.cluster_id = k.cluster_id ORDER BY o3.name)) AS outlets,
  max(coalesce(c.date_end, c.date_start, a.published)) AS last_date,
  (SELECT count(*) FROM (
     SELECT x.contradiction_id FROM claims c4 JOIN contradictions x ON x.claim_a = c4.claim_id WHERE c4.cluster_id = k.cluster_id
     UNION SELECT x.contradiction_id FROM claims c4 JOIN contradictions x ON x.claim_b = c4.claim_id WHERE c4.cluster_id = k.cluster_id)) AS n_contradictions
FROM clusters k
JOIN claims c ON c.cluster_id = k.cluster_id
JOIN articles a ON a.article_id = c.article_id
GROUP BY k.cluster_id;`,
  },
  {
    // Where statement_en comes from (model, gloss, source), so a reader never takes a word-by-word gloss for a
    // translation.
    name: '011-claims-statement-origin',
    sql: `ALTER TABLE claims ADD COLUMN statement_origin TEXT CHECK (statement_origin IN ('model', 'gloss', 'source'));
DROP VIEW v_claims;
CREATE VIEW v_claims AS
SELECT
  c.claim_id,
  c.article_id,
  (SELECT min(p.path) FROM article_paths p WHERE p.article_id = c.article_id) AS path,
  a.language,
  c.actor,
  c.action,
  c.date_text AS date,
  c.date_start,
  c.date_end,
  c.reason,
  c.source,
  c.quote,
  c.char_start,
  c.char_end,
  c.alignment,
  c.statement_en,
  c.polarity,
  c.cluster_id,
  c.extractor,
  c.model,
  c.modality,
  c.date_precision,
  c.alignment_score,
  c.statement_origin
FROM claims c
JOIN articles a ON a.article_id = c.article_id;
`,
  },
  {
    // Findings the strict checks hold out of the report (translations, one voice, different subjects…),
    // kept queryable with the reason, so "show less" never means "lose".
    name: '012-meaning-contradiction-candidates',
    sql: `CREATE TABLE contradiction_candidates (
  contradiction_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL REFERENCES contradiction_kinds (kind),
  claim_a TEXT NOT NULL REFERENCES claims (claim_id) ON DELETE CASCADE,
  claim_b TEXT NOT NULL REFERENCES claims (claim_id) ON DELETE CASCADE,
  explanation TEXT NOT NULL,
  score REAL NOT NULL,
  judge TEXT NOT NULL,
  support_a INTEGER NOT NULL DEFAULT 1,
  support_b INTEGER NOT NULL DEFAULT 1,
  held TEXT NOT NULL
);
CREATE VIEW v_contradiction_candidates AS
SELECT
  x.contradiction_id,
  x.kind,
  x.claim_a,
  x.claim_b,
  pa.path AS path_a,
  pb.path AS path_b,
  ca.quote AS quote_a,
  cb.quote AS quote_b,
  x.explanation,
  x.score,
  x.held,
  aa.language AS language_a,
  ab.language AS language_b,
  ca.statement_en AS statement_en_a,
  cb.statement_en AS statement_en_b
FROM contradiction_candidates x
JOIN claims ca ON ca.claim_id = x.claim_a
JOIN claims cb ON cb.claim_id = x.claim_b
JOIN articles aa ON aa.article_id = ca.article_id
JOIN articles ab ON ab.article_id = cb.article_id
LEFT JOIN article_paths pa ON pa.path = (SELECT min(p.path) FROM article_paths p WHERE p.article_id = ca.article_id)
LEFT JOIN article_paths pb ON pb.path = (SELECT min(p.path) FROM article_paths p WHERE p.article_id = cb.article_id);
`,
  },
  {
    // Files read to their end, with the stamp they had: a run killed inside a .jsonl leaves its file
    // unmarked, so the next run reads the lines it never reached. A file of one article that has a
    // path row was read whole; a feed from before this migration is read once more.
    name: '013-files-read',
    sql: `CREATE TABLE _files_read (path TEXT PRIMARY KEY, file_size INTEGER NOT NULL, file_mtime_ms REAL NOT NULL);
INSERT OR IGNORE INTO _files_read (path, file_size, file_mtime_ms)
SELECT path, file_size, file_mtime_ms FROM article_paths
WHERE instr(path, '#') = 0 AND file_size IS NOT NULL AND file_mtime_ms IS NOT NULL;`,
  },
];
