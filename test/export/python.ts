import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Real Keras 3 (JAX) when this machine has it; tests that need it skip otherwise. */
export const KERAS_PYTHON = '/tmp/kvenv/bin/python';
export const NO_KERAS: string | false = existsSync(KERAS_PYTHON) ? false : `no Python Keras at ${KERAS_PYTHON}`;

/** Runs Python code with Keras on JAX; returns stdout, throws with stderr on failure. */
export function runPython(code: string, cwd?: string): string {
  const r = spawnSync(KERAS_PYTHON, ['-c', code], { encoding: 'utf8', env: { ...process.env, KERAS_BACKEND: 'jax', JAX_PLATFORMS: 'cpu', TF_CPP_MIN_LOG_LEVEL: '3' }, timeout: 120_000, ...(cwd ? { cwd } : {}) });
  if (r.status !== 0) throw new Error(`python failed (${r.status}):\n${r.stderr}`);
  return r.stdout;
}

function importable(module: string): boolean {
  if (NO_KERAS) return false;
  return spawnSync(KERAS_PYTHON, ['-c', `import ${module}`]).status === 0;
}

/** The CSV part of an exported script needs pandas too. */
export const NO_PANDAS: string | false = NO_KERAS || (importable('pandas') ? false : 'pandas is not installed next to Keras');
