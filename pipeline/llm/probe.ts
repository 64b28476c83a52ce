import { ClaimlensError } from '../errors.ts';

export const PROBE_TIMEOUT_MS = 5000;

/**
 * One short request before any article is read, so a server that is down, a wrong address or a
 * refused key fails the run at once with what to do, instead of failing every article.
 */
export async function probeServer(
  url: string,
  what: { name: string; hint: string; headers?: Record<string, string>; timeoutMs?: number },
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: what.headers ?? {},
      signal: AbortSignal.timeout(what.timeoutMs ?? PROBE_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new ClaimlensError('LLM_UNREACHABLE', `cannot reach ${what.name} at ${url} (${why})`, what.hint);
  }
  return response;
}
