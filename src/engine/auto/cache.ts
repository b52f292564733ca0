/**
 * The per-user cache of measured choices, so an architecture is measured once per machine and
 * not at every start: `$KLAYERS_CACHE` (a directory; tests set it), else the per-user cache
 * directory. One JSON file maps a key (architecture, batch size, the backends that could be
 * measured, the klayers version, the kernels revision) to the pick and its reason. A cache that
 * cannot be read or written is ignored: it only saves time.
 */
import envPaths from 'env-paths';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelPlan } from '../../layers/types.js';
import type { BackendName } from '../backend/backend.js';
import { architectureKey } from '../backend/measured-choice.js';
import { writeFileAtomic } from '../../fs/atomic-write.js';
import type { Pick } from './pick.js';

const FILE = 'backend-measurements.json';
/** Entries kept; the oldest go first. */
const KEEP = 200;

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['KLAYERS_CACHE'] || envPaths('klayers', { suffix: '' }).cache;
}

/** klayers' version from its package.json (found above this file, in src/ or dist/src/). */
function klayersVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++, dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    try {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'klayers') return pkg.version ?? '?';
    } catch {
      // not ours; keep looking
    }
  }
  return '?';
}

/**
 * The engine's kernels as far as their speed goes: a change that moves which backend trains a model
 * fastest (a kernel replaced on one backend) bumps it, so picks measured before are measured again.
 */
const KERNELS_REVISION = 3;

/** The cache key: a hash of the architecture, batch size, backend set, klayers version and kernels revision. */
export function cacheKey(plan: ModelPlan, batchSize: number, backends: readonly BackendName[]): string {
  const text = JSON.stringify([architectureKey(plan), batchSize, [...backends].sort(), klayersVersion(), KERNELS_REVISION]);
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

type Entries = Record<string, Pick & { readonly at: string }>;

function readEntries(dir: string): Entries {
  try {
    const parsed = JSON.parse(readFileSync(join(dir, FILE), 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Entries) : {};
  } catch {
    return {};
  }
}

/** The cached pick for `key`, if a valid one is stored. */
export function readCachedPick(key: string, dir = cacheDir()): Pick | null {
  const entry = readEntries(dir)[key];
  const valid = entry && typeof entry.reason === 'string' && ['tensorflow', 'wasm', 'cpu'].includes(entry.name);
  return valid ? { name: entry.name, reason: entry.reason } : null;
}

/** Stores `pick` under `key` (atomically; a failure is ignored). */
export async function writeCachedPick(key: string, pick: Pick, dir = cacheDir(), now = new Date()): Promise<void> {
  try {
    mkdirSync(dir, { recursive: true });
    const old = readEntries(dir);
    delete old[key]; // re-measured: it moves to the end, the newest
    const entries = Object.entries({ ...old, [key]: { ...pick, at: now.toISOString() } });
    await writeFileAtomic(join(dir, FILE), `${JSON.stringify(Object.fromEntries(entries.slice(-KEEP)), null, 1)}\n`);
  } catch {
    // a read-only or full disk: the next start measures again
  }
}
