import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The pipeline reads like the diagram: arrows only go forward. Each module belongs to the first
 * stage whose prefix its path starts with; a module may import its own stage, an earlier one,
 * or the shared ground (schemas, errors, hashes, lexicons, the store) — never a later stage.
 */
const STAGES = [
  'pipeline/load',
  'pipeline/detect-language',
  'pipeline/extract',
  'pipeline/rules',
  'pipeline/llm',
  'pipeline/providers',
  'pipeline/ground',
  'pipeline/dates',
  'pipeline/process-article',
  'pipeline/dedup',
  'pipeline/contradictions',
  'pipeline/report',
  'pipeline/run',
  'pipeline/eval',
  'pipeline/bench',
  'pipeline/cli',
];
const SHARED = [
  'schemas',
  'pipeline/errors',
  'pipeline/hash',
  'pipeline/printable',
  'pipeline/text',
  'pipeline/text-search',
  'pipeline/lexicons',
  'pipeline/store',
];

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [
    ...source.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g),
    ...source.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g),
  ];
  return specifiers.map((match) => normalize(join(dirname(file), match[1]!)));
}

const stageOf = (path: string) =>
  STAGES.findIndex((stage) => path === `${stage}.ts` || path.startsWith(`${stage}/`) || path.startsWith(`${stage}.`));
const isShared = (path: string) => SHARED.some((prefix) => path === `${prefix}.ts` || path.startsWith(`${prefix}/`));

const modules = [...filesUnder('schemas'), ...filesUnder('pipeline')].map((file) => relative('.', file));

describe('module layering', () => {
  it('places every pipeline module in a stage or the shared ground', () => {
    expect(modules.filter((file) => file.startsWith('pipeline/') && stageOf(file) < 0 && !isShared(file))).toEqual([]);
  });

  it('never imports a later stage, and schemas import no pipeline code', () => {
    const violations: string[] = [];
    for (const file of modules) {
      for (const target of importsOf(file)) {
        if (file.startsWith('schemas/') && !target.startsWith('schemas/')) violations.push(`${file} -> ${target}`);
        if (isShared(file) && !isShared(target))
          violations.push(`${file} -> ${target} (shared code importing a stage)`);
        if (!isShared(target) && stageOf(target) > stageOf(file) && !isShared(file))
          violations.push(`${file} -> ${target}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps the database out of the stages: only run.ts, pipeline/run/ and the outer tools use the store', () => {
    // The stages are functions of typed values; the store lends them its types at most.
    const mayUseStore = (file: string) =>
      [
        'pipeline/run.ts',
        'pipeline/run/',
        'pipeline/store/',
        'pipeline/cli/',
        'pipeline/eval/',
        'pipeline/bench/',
      ].some((prefix) => file === prefix || file.startsWith(prefix));
    const offenders = modules
      .filter((file) => file.startsWith('pipeline/') && !mayUseStore(file))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*import\s+(type\s+)?[^'"]*?from\s+['"](\.[^'"]+)['"]/g)]
          .filter((match) => !match[1] && normalize(join(dirname(file), match[2]!)).startsWith('pipeline/store'))
          .map((match) => `${file} -> ${match[2]}`),
      );
    expect(offenders).toEqual([]);
  });

  it('composes the stages through their index.ts: run.ts, pipeline/run/ and process-article.ts see each stage by its entry', () => {
    const composers = modules.filter(
      (file) =>
        file === 'pipeline/run.ts' || file === 'pipeline/process-article.ts' || file.startsWith('pipeline/run/'),
    );
    const stageFolders = ['load', 'detect-language', 'extract', 'ground', 'dates', 'dedup', 'contradictions', 'report'];
    const offenders = composers.flatMap((file) =>
      importsOf(file)
        .filter((target) =>
          stageFolders.some(
            (stage) => target.startsWith(`pipeline/${stage}/`) && target !== `pipeline/${stage}/index.ts`,
          ),
        )
        .map((target) => `${file} -> ${target}`),
    );
    expect(offenders).toEqual([]);
    for (const stage of stageFolders) expect(modules, stage).toContain(`pipeline/${stage}/index.ts`);
  });

  it('lets no stage, measuring tool or store import a command (pipeline/cli is the outermost layer)', () => {
    const offenders = modules
      .filter((file) => !file.startsWith('pipeline/cli/'))
      .flatMap((file) =>
        importsOf(file)
          .filter((target) => target.startsWith('pipeline/cli/'))
          .map((target) => `${file} -> ${target}`),
      );
    expect(offenders).toEqual([]);
  });

  it('ships nothing that depends on the test server (only the benchmark drives it)', () => {
    const benchmark = (file: string) => file.startsWith('pipeline/bench/') || file === 'pipeline/cli/bench.ts';
    const offenders = modules.filter(
      (file) => !benchmark(file) && /from\s+['"][^'"]*tests\//.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
