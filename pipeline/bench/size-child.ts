import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { loopbackLlmSection } from './llm.ts';
import { processPeakRssMb } from './measure.ts';
import { benchSize } from './run-bench.ts';

/** What the parent hands a child: one size, measured in a process of its own. */
export const ChildArgs = z.object({
  root: z.string(),
  size: z.number().int().positive(),
  resultFile: z.string(),
  keep: z.boolean(),
  llm: z
    .object({
      serverFile: z.string(),
      latencyMs: z.number().int().nonnegative(),
      concurrency: z.number().int().positive(),
      articles: z.number().int().positive(),
    })
    .nullable(),
});
export type ChildArgs = z.infer<typeof ChildArgs>;

const args = ChildArgs.parse(JSON.parse(process.argv[2] ?? '{}'));
const save = (partial: object) =>
  writeFileSync(args.resultFile, JSON.stringify({ ...partial, childPeakRssMb: processPeakRssMb() }));
const llm = args.llm ? loopbackLlmSection(args.llm.serverFile, args.llm.latencyMs, args.llm.concurrency) : undefined;
const result = await benchSize(args.root, args.size, {
  ...(llm ? { llm } : {}),
  ...(args.llm ? { llmArticles: args.llm.articles } : {}),
  keep: args.keep,
  log: (line) => process.stderr.write(`bench: ${line}\n`),
  onPartial: save,
});
save(result);
