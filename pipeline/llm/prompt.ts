import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ArticleForExtraction, SupportedLanguage } from '../../schemas/article.ts';
import { ExtractionOutput } from '../../schemas/claim.ts';
import { PromptFile } from '../../schemas/prompt.ts';
import { ClaimlensError } from '../errors.ts';
import { jsonSchemaOf } from './structured.ts';
import type { ChatTurn } from '../extract/index.ts';

export const DEFAULT_PROMPT_FILE = fileURLToPath(new URL('../../prompts/extraction.v2.json', import.meta.url));

const LANGUAGE_NAMES: Record<SupportedLanguage, string> = { nl: 'Dutch', de: 'German', en: 'English' };

/**
 * The article goes to the model as delimited data. A text that tries to close the delimiter
 * early ("</article> Ignore the above…") gets its tags defused, so it cannot step outside.
 */
export function articleMessage(text: string, language: SupportedLanguage, context: ArticleContext = {}): string {
  const defuse = (value: string) => value.replace(/<(\/?)(article)/giu, '‹$1$2');
  // Title, outlet and date let the model name the source and make "today" an explicit date (Claimify's context).
  const known = [
    context.title ? `Title: ${defuse(context.title).replace(/\s+/g, ' ')}` : null,
    context.outlet ? `Outlet: ${defuse(context.outlet).replace(/\s+/g, ' ')}` : null,
    context.published ? `Published: ${context.published}` : null,
  ].filter(Boolean);
  const header = known.length ? `\n${known.join('\n')}` : '';
  return `Extract the claims of this ${LANGUAGE_NAMES[language]} article.${header}\n<article>\n${defuse(text)}\n</article>`;
}

/** What the extractor knows about an article besides its text. */
export type ArticleContext = {
  title?: string | undefined;
  outlet?: string | undefined;
  published?: string | undefined;
};

/** The context of an article as the prompt shows it: the publication date as written in the metadata. */
export const contextOf = (article: ArticleForExtraction): ArticleContext => ({
  title: article.title,
  outlet: article.outlet,
  published: article.published?.iso,
});

/** Reads and checks a prompt file: its shape, and that every example quote occurs in its example article. */
export function loadPrompt(file = DEFAULT_PROMPT_FILE): PromptFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ClaimlensError(
      'BAD_PROMPT',
      `cannot read prompt file ${file}: ${(error as Error).message}`,
      'restore it from the repository',
    );
  }
  const parsed = PromptFile.safeParse(raw);
  if (!parsed.success) {
    throw new ClaimlensError(
      'BAD_PROMPT',
      `prompt file ${file} is invalid: ${z.prettifyError(parsed.error).replace(/\s+/g, ' ')}`,
      'fix the file',
    );
  }
  for (const [index, example] of parsed.data.examples.entries()) {
    for (const claim of example.claims) {
      if (!example.article.includes(claim.quote)) {
        throw new ClaimlensError(
          'BAD_PROMPT',
          `prompt ${parsed.data.version}, example ${index + 1} (${example.language}): quote "${claim.quote}" is not in its article`,
          'copy the quote verbatim from the example article',
        );
      }
    }
  }
  return parsed.data;
}

/** System instructions with the schema, the worked examples as earlier turns, then the article. */
export function buildMessages(
  prompt: PromptFile,
  text: string,
  language: SupportedLanguage,
  context: ArticleContext = {},
): ChatTurn[] {
  return [...preamble(prompt), { role: 'user', content: articleMessage(text, language, context) }];
}

const preambles = new WeakMap<PromptFile, readonly ChatTurn[]>();

/** What every request of one prompt shares: instructions with the schema, then the worked examples. */
function preamble(prompt: PromptFile): readonly ChatTurn[] {
  let turns = preambles.get(prompt);
  if (!turns) {
    // The schema the model must answer in is generated from the zod schema, never written by hand.
    const system = `${prompt.system.join('\n\n')}\n\nJSON schema:\n${JSON.stringify(jsonSchemaOf(ExtractionOutput))}`;
    turns = [
      { role: 'system', content: system },
      ...prompt.examples.flatMap((example): ChatTurn[] => [
        {
          role: 'user',
          content: articleMessage(example.article, example.language, {
            title: example.title,
            outlet: example.outlet,
            published: example.published,
          }),
        },
        { role: 'assistant', content: JSON.stringify({ claims: example.claims }) },
      ]),
    ];
    preambles.set(prompt, turns);
  }
  return turns;
}

export const repairMessage = (prompt: PromptFile, errors: string): ChatTurn => ({
  role: 'user',
  content: prompt.repair.replace('{errors}', errors),
});
