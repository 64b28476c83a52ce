import type { z } from 'zod';

/** On failure, `errors` is for the model's repair turn and `summary` the shorter line for the database. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string; summary: string };

const MAX_ISSUES = 8;

const OPENING_FENCE = /^[ \t]*```[\w-]*[ \t]*$/u;
const CLOSING_FENCE = /^[ \t]*```[ \t]*$/u;

/**
 * What the fences on lines of their own hold, as models write them (```json, the JSON, ```): a ``` inside
 * a JSON string stands mid-line. One pass over the lines, so no answer makes it slow.
 */
function lineFences(answer: string): string[] {
  const fences: string[] = [];
  let open: string[] | undefined;
  for (const line of answer.split(/\r?\n/u)) {
    if (open && CLOSING_FENCE.test(line)) {
      fences.push(open.join('\n'));
      open = undefined;
    } else if (open) open.push(line);
    else if (OPENING_FENCE.test(line)) open = [];
  }
  return fences;
}
/** Any fenced span, even on one line: the loosest reading, tried last. */
const ANY_FENCE = /```(?:json)?\s*([\s\S]*?)```/u;

/** From the first bracket to the last: the JSON inside a sentence around it. */
function bracketed(text: string): string {
  const body = text.trim();
  const first = body.search(/[{[]/u);
  if (first < 0) return body;
  const last = Math.max(body.lastIndexOf('}'), body.lastIndexOf(']'));
  return last > first ? body.slice(first, last + 1) : body.slice(first);
}

/**
 * The JSON in a model's answer: models wrap it in code fences or a sentence despite being told not to.
 * The whole answer first, so a ``` inside a string value is never taken for a fence; then each fence on
 * lines of its own; then the brackets of the answer; the loosest reading last, and its error is the one
 * reported when nothing parses.
 */
function parseJson(answer: string): { ok: true; data: unknown } | { ok: false; error: string } {
  const fences = lineFences(answer);
  const loosest = bracketed(answer.match(ANY_FENCE)?.[1] ?? answer);
  const candidates = new Set([answer.trim(), ...fences.map((fence) => fence.trim()), bracketed(answer), loosest]);
  let error = '';
  for (const text of candidates) {
    try {
      return { ok: true, data: JSON.parse(text) };
    } catch (failure) {
      if (text === loosest) error = (failure as Error).message;
    }
  }
  return { ok: false, error };
}

/**
 * Parses a model's answer with the zod schema. The errors come back as one line the model can
 * act on in a repair turn ("claims.0.quote: expected string, received null").
 */
export function parseAnswer<T>(answer: string, schema: z.ZodType<T>, wrapArrayAs?: string): Parsed<T> {
  const json = parseJson(answer);
  if (!json.ok) {
    const errors = `the answer is not valid JSON (${json.error})`;
    return { ok: false, errors, summary: errors };
  }
  let data = json.data;
  if (Array.isArray(data) && wrapArrayAs) data = { [wrapArrayAs]: data };
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues
    .slice(0, MAX_ISSUES)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  const more = result.error.issues.length > MAX_ISSUES ? `; and ${result.error.issues.length - MAX_ISSUES} more` : '';
  const count = result.error.issues.length;
  return {
    ok: false,
    errors: `the answer does not match the schema: ${issues.join('; ')}${more}`,
    summary: `${count} schema error${count === 1 ? '' : 's'}, first ${issues[0]}`,
  };
}
