import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderHtml, renderMarkdown, REPORT_LIMIT, type ReportData } from '../report/index.ts';
import { loadContradictions, reportCounts } from '../store/contradictions.ts';
import { loadReviewData, type Db } from '../store/index.ts';
import { storageFailure } from '../store/failure.ts';
import { ensureFolder } from '../store/open.ts';

/** The counts over the whole database and the `limit` best scored contradictions. */
export function reportData(db: Db, limit = REPORT_LIMIT): ReportData {
  return { counts: reportCounts(db), items: loadContradictions(db, limit) };
}

/**
 * Writes a file whole or not at all: into a temporary file beside it, then renamed over it, so a
 * full disk leaves the previous report in place instead of a truncated one.
 */
export function writeFileAtomic(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw storageFailure(error, { file, kept: 'the previous report is kept' }) ?? error;
  }
}

/** Writes a file only when its content changed, so an unchanged re-run leaves the folder as it was. */
function writeIfChanged(file: string, content: string): void {
  let previous: string | undefined;
  try {
    previous = readFileSync(file, 'utf8');
  } catch {
    previous = undefined;
  }
  if (previous !== content) writeFileAtomic(file, content);
}

/** out/contradictions.md and out/report.html from what the database holds; returns the files written. */
export function writeReports(db: Db, outDir: string): string[] {
  const data = reportData(db);
  ensureFolder(outDir);
  const files: [string, string][] = [
    [join(outDir, 'contradictions.md'), renderMarkdown(data)],
    [join(outDir, 'report.html'), renderHtml(data, loadReviewData(db))],
  ];
  for (const [file, content] of files) writeIfChanged(file, content);
  return files.map(([file]) => file);
}
