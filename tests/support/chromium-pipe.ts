import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { headlessFlags } from '../../pipeline/bench/page.ts';

/**
 * A page in headless Chromium driven over the DevTools protocol on a pipe (fd 3 in, fd 4 out; no
 * port, nothing on the network), so a test can type and click as a reader would and read the DOM.
 */
export type Driven = { evaluate<T>(expression: string): Promise<T>; close(): Promise<void> };

export async function drivePage(chromium: string, url: string): Promise<Driven> {
  const profile = mkdtempSync(join(tmpdir(), 'claimlens-cdp-'));
  const child: ChildProcess = spawn(
    chromium,
    [...headlessFlags(profile), '--remote-debugging-pipe', '--window-size=1280,900', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const input = child.stdio[3] as Writable;
  const output = child.stdio[4] as Readable;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let buffer = '';
  output.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let end;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffer.slice(0, end)) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
      };
      buffer = buffer.slice(end + 1);
      const pending = message.id === undefined ? undefined : waiting.get(message.id);
      if (!pending) continue;
      waiting.delete(message.id!);
      if (message.error) pending.reject(new Error(message.error.message));
      else pending.resolve(message.result);
    }
  });
  let next = 0;
  const send = <T>(method: string, params: object = {}, sessionId?: string) =>
    new Promise<T>((resolve, reject) => {
      next += 1;
      waiting.set(next, { resolve: resolve as (value: unknown) => void, reject });
      input.write(`${JSON.stringify({ id: next, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url });
  const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  const evaluate = async <T>(expression: string): Promise<T> => {
    const answer = await send<{
      result: { value: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
    if (answer.exceptionDetails)
      throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
    return answer.result.value;
  };
  // The page's own mark that its script ran to the end.
  for (let tries = 0; tries < 200; tries += 1) {
    if (
      await evaluate<boolean>(`document.documentElement.getAttribute('data-report-ready') === 'yes'`).catch(() => false)
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    evaluate,
    close: async () => {
      await send('Browser.close').catch(() => undefined);
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
