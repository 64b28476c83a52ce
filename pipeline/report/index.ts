/** The report stage: the stored findings rendered to strings; writing the files is `pipeline/run/report.ts`'s. */
export { REPORT_LIMIT, type ReportData } from './data.ts';
export { renderHtml } from './html.ts';
export { renderMarkdown } from './markdown.ts';
