// Run as a child process by the kill test: ingests a folder slowly, one line per stored article.
import { ingest } from './ingest.ts';
import { sentenceExtractor } from './sentence-extractor.ts';

const [folder, out] = process.argv.slice(2);
const { summary } = await ingest(folder!, out!, { extractor: sentenceExtractor({ delayMs: 4 }), concurrency: 3 });
process.stdout.write(`done ${summary.articles}\n`);
