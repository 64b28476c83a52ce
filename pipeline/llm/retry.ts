import { withoutTroubleshootingUrl } from '../errors.ts';

/** How hard to try one request before the article is given up. */
export type RetryPolicy = {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
  /**
   * All requests of one article, with their retries and repairs, end within this: a hung server
   * costs an article the budget, not (retries + 1) time-outs. Undefined: twice the time-out per chunk.
   */
  articleBudgetMs?: number;
};

export const DEFAULT_BACKOFF = { baseDelayMs: 1000, maxDelayMs: 30_000 };

/** A server's answer that says "not now": thrown by providers whose client hides the status. */
export class HttpStatusError extends Error {
  readonly status: number;
  readonly retryAfterMs: number | undefined;
  constructor(status: number, body: string, retryAfterMs?: number) {
    super(`HTTP ${status}${body ? `: ${body.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`);
    this.name = 'HttpStatusError';
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

/** The article's time budget ran out across its requests and retries. */
export class BudgetExhaustedError extends Error {
  constructor(ms: number) {
    super(`the article's time budget of ${Math.round(ms / 1000)} s is used up`);
    this.name = 'BudgetExhaustedError';
  }
}

/** When an article's requests must be done by, and the budget that deadline came from (for the message). */
export type Deadline = { at: number; budgetMs: number };

export class RequestTimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms / 1000} s`);
    this.name = 'RequestTimeoutError';
  }
}

type HeaderSource = { get(name: string): string | null } | Record<string, string | undefined>;

/** `Retry-After` (seconds or an HTTP date) or OpenAI's `retry-after-ms`, in milliseconds. */
export function retryAfterMs(headers: HeaderSource | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  // An absent or empty header is no answer (Number('') would read it as 0).
  const get = (name: string) =>
    (typeof headers.get === 'function'
      ? (headers as { get(n: string): string | null }).get(name)
      : (headers as Record<string, string | undefined>)[name]) || undefined;
  const ms = Number(get('retry-after-ms'));
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = get('retry-after');
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

const RETRYABLE_STATUS = new Set([408, 409, 425, 429]);
const NETWORK_ERRORS =
  /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|socket hang up|fetch failed|other side closed|terminated|Connection error/iu;

export type Failure = { retryable: boolean; retryAfterMs?: number; reason: string };

/** Whether trying again can help: rate limits, server errors, time-outs and dropped connections can. */
export function classifyFailure(error: unknown): Failure {
  const e = error as {
    status?: unknown;
    status_code?: unknown;
    headers?: HeaderSource;
    retryAfterMs?: number;
    name?: string;
    message?: string;
  };
  const reason = withoutTroubleshootingUrl(e?.message ?? String(error))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
  if (error instanceof RequestTimeoutError || e?.name === 'TimeoutError')
    return { retryable: true, reason: `time-out: ${reason}` };
  const status =
    typeof e?.status === 'number' ? e.status : typeof e?.status_code === 'number' ? e.status_code : undefined;
  if (status !== undefined) {
    const after = e.retryAfterMs ?? retryAfterMs(e.headers);
    // 501 and 505 say the server will never do it; every other 5xx may pass.
    const retryable = RETRYABLE_STATUS.has(status) || (status >= 500 && status !== 501 && status !== 505);
    return { retryable, reason, ...(after !== undefined ? { retryAfterMs: after } : {}) };
  }
  return {
    retryable: NETWORK_ERRORS.test(reason) || NETWORK_ERRORS.test(String((e as { cause?: unknown })?.cause ?? '')),
    reason,
  };
}

/** Exponential back-off with equal jitter: half the delay fixed, half random, so clients spread out. */
export function backoffMs(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return ceiling / 2 + random() * (ceiling / 2);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one request with a time-out, retrying what a retry can fix. The server's Retry-After
 * wins over our own back-off, up to a limit past which waiting is not worth it.
 */
export async function withRetries<T>(
  request: (signal: AbortSignal) => Promise<T>,
  policy: RetryPolicy,
  onAttempt: () => void = () => {},
  wait: (ms: number) => Promise<unknown> = sleep,
  deadline?: Deadline,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    // Each attempt gets its time-out, or what is left of the article's budget if that is less.
    const left = deadline ? deadline.at - Date.now() : Infinity;
    if (left <= 0) throw new Error(`LLM request failed: ${new BudgetExhaustedError(deadline!.budgetMs).message}`);
    const timeoutMs = Math.min(policy.timeoutMs, left);
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort(new RequestTimeoutError(timeoutMs));
        reject(new RequestTimeoutError(timeoutMs));
      }, timeoutMs);
    });
    try {
      onAttempt();
      return await Promise.race([request(controller.signal), timeout]);
    } catch (error) {
      const failure = classifyFailure(controller.signal.aborted ? new RequestTimeoutError(timeoutMs) : error);
      const delay =
        failure.retryAfterMs !== undefined
          ? Math.min(failure.retryAfterMs, Math.max(policy.maxDelayMs, 120_000))
          : backoffMs(attempt, policy);
      const outOfBudget = deadline !== undefined && Date.now() + delay >= deadline.at;
      if (!failure.retryable || attempt >= policy.maxRetries || outOfBudget) {
        const tries = attempt + 1;
        const budget =
          outOfBudget && failure.retryable && attempt < policy.maxRetries
            ? `; ${new BudgetExhaustedError(deadline.budgetMs).message}`
            : '';
        throw new Error(
          `LLM request failed${tries > 1 ? ` after ${tries} attempts` : ''}: ${failure.reason}${budget}`,
          { cause: error },
        );
      }
      await wait(delay);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The policy for a run's settings; `retryBaseMs` lets tests and benchmarks shorten the back-off. */
export function retryPolicy(settings: {
  maxRetries: number;
  requestTimeoutMs: number;
  retryBaseMs?: number | undefined;
  articleBudgetMs?: number | undefined;
}): RetryPolicy {
  return {
    maxRetries: settings.maxRetries,
    timeoutMs: settings.requestTimeoutMs,
    baseDelayMs: settings.retryBaseMs ?? DEFAULT_BACKOFF.baseDelayMs,
    maxDelayMs: DEFAULT_BACKOFF.maxDelayMs,
    ...(settings.articleBudgetMs !== undefined ? { articleBudgetMs: settings.articleBudgetMs } : {}),
  };
}
