import type { z } from 'zod';

/** On failure, `errors` is for the model's repair turn and `summary` the shorter line for the database. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string; summary: string };

const MAX_ISSUES = 8;

/** The JSON object in a model's answer: models wrap it in code fences or a sentence despite being told not to. */
function jsonText(answer: string): string {
  const fenced = answer.match(/```(?:json)?\s*([\s\S]*?)```/u);
  const body = (fenced ? fenced[1]! : answer).trim();
  const first = body.search(/[{[]/u);
  if (first < 0) return body;
  const last = Math.max(body.lastIndexOf('}'), body.lastIndexOf(']'));
  return last > first ? body.slice(first, last + 1) : body.slice(first);
}

/**
 * Parses a model's answer with the zod schema. The errors come back as one line the model can
 * act on in a repair turn ("claims.0.quote: expected string, received null").
 */
export function parseAnswer<T>(answer: string, schema: z.ZodType<T>, wrapArrayAs?: string): Parsed<T> {
  let data: unknown;
  try {
    data = JSON.parse(jsonText(answer));
  } catch (error) {
    const errors = `the answer is not valid JSON (${(error as Error).message})`;
    return { ok: false, errors, summary: errors };
  }
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
