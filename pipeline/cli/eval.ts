import { FLORES_PATH } from '../eval/flores.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate } from '../eval/evaluate.ts';
import { EVAL_COLUMNS, evalTable } from '../eval/table.ts';
import { parseCommand, runIfMain, timeoutOption, type CommandSpec } from './command.ts';
import { formatTable } from './table.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const EVAL = {
  name: 'eval',
  usage: 'npm run eval -- [options]',
  description:
    'Runs the pipeline on the corpus into a scratch database and scores it against corpus/gold: language, claims, fields, grounding, clusters, contradictions.',
  options: {
    llm: {
      type: 'string',
      description: 'extractor to evaluate: rules, openai:<model>, ollama:<model>, gguf:<path>',
      default: 'rules',
      env: 'CLAIMLENS_LLM',
      placeholder: 'spec',
    },
    corpus: {
      type: 'string',
      description: 'folder of articles with a gold/ folder',
      default: 'corpus',
      placeholder: 'dir',
    },
    out: { type: 'string', description: 'where eval.json is written', default: 'out', placeholder: 'dir' },
    'timeout-s': { type: 'string', description: 'time-out for one LLM request', default: '120', placeholder: 's' },
    flores: {
      type: 'string',
      description:
        'FLORES translations (jsonl) for the language and translation figures; default ../shared/devdata/flores-wikinews/articles.jsonl',
      placeholder: 'file',
    },
    quotes: {
      type: 'string',
      description:
        'annotated Wikinews quotations (jsonl) for the attribution figures; default ../shared/devdata/de-wikinews-quotes/articles.jsonl',
      placeholder: 'file',
    },
    'no-models': {
      type: 'boolean',
      description: 'leave out the runs with the local embedding model, even when it is installed',
    },
    keep: { type: 'boolean', description: 'keep the scratch databases and print where they are' },
    json: { type: 'boolean', description: 'print the figures as JSON instead of a table' },
  },
  examples: ['npm run eval', 'npm run eval -- --llm openai:gpt-4o-mini', 'npm run eval -- --json'],
} satisfies CommandSpec;

export async function main(argv: string[]): Promise<number> {
  const { options } = parseCommand(EVAL, argv);
  const corpus = resolve(options.corpus ?? 'corpus');
  const figures = await evaluate({
    corpus,
    gold: join(corpus, 'gold'),
    sentences: join(ROOT, 'corpus', 'gold', 'language-sentences.json'),
    devdata: options.flores ? resolve(options.flores) : FLORES_PATH,
    ...(options.quotes ? { quotes: resolve(options.quotes) } : {}),
    localEmbeddings: !options['no-models'],
    llm: options.llm ?? 'rules',
    requestTimeoutMs: timeoutOption(options['timeout-s'], 120_000),
    keep: options.keep,
  });
  const out = resolve(options.out ?? 'out');
  mkdirSync(out, { recursive: true });
  const file = join(out, 'eval.json');
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
  if (options.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  else {
    const { header, rows } = evalTable(figures);
    process.stdout.write(
      `${header}\n\n${formatTable(rows, EVAL_COLUMNS)}\n\nfigures: ${file}${figures.scratch ? `\nscratch: ${figures.scratch}` : ''}\n`,
    );
  }
  return 0;
}

await runIfMain(import.meta.url, main);
