/** Everything a user can cause ends here: a code for scripts, a message, and what to do next. */
export class ClaimlensError extends Error {
  readonly code: string;
  readonly hint: string | undefined;

  constructor(code: string, message: string, hint?: string) {
    super(message);
    this.name = 'ClaimlensError';
    this.code = code;
    this.hint = hint;
  }

  /** One line for the terminal. */
  toLine(): string {
    return this.hint ? `claimlens: ${this.message}; ${this.hint}` : `claimlens: ${this.message}`;
  }
}

/** LangChain appends a link to its troubleshooting page to a provider's error; a stored reason keeps the error. */
export const withoutTroubleshootingUrl = (message: string) => message.replace(/\s*Troubleshooting URL: \S*/gu, '');

/** The one-line reason recorded in the database for an error that was not the user's. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = withoutTroubleshootingUrl(message).replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
