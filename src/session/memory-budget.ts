/**
 * Whether a model fits in memory, decided from its plan before the engine allocates anything: a
 * model larger than the free memory (or than the wasm heap, which wasm32 caps at 4 GB) is
 * refused with its size, instead of growing the process until tfjs or the machine gives up.
 */
import { freemem } from 'node:os';
import { UserError } from '../core/user-error.js';
import type { ModelPlan } from '../layers/types.js';
import { planFootprint } from '../model/footprint.js';
import { formatBytes } from '../render/format-numbers.js';

/** What the engine may use; tests inject small stand-ins. */
export interface MemoryLimits {
  /** Bytes the machine has free now. */
  readonly freeBytes: () => number;
  /** The most the wasm backend's heap can grow to. */
  readonly wasmHeapBytes: number;
}

/** The wasm backend's heap maximum (tfjs-backend-wasm 4.22: 65,535 pages of 64 KiB). */
const WASM_HEAP_BYTES = 4294901760;

export const SYSTEM_MEMORY: MemoryLimits = { freeBytes: () => freemem(), wasmHeapBytes: WASM_HEAP_BYTES };

/** What the engine is about to do with the model. */
export type MemoryUse =
  /** Build it (inspect, save model, load model): its weights. */
  | { readonly kind: 'build' }
  /** Train it: weights, gradients and two optimizer slots per weight, and a batch's activations and their gradients. */
  | { readonly kind: 'fit'; readonly batchSize: number }
  /** Run it forward (predict, evaluate) on batches of `rows`. */
  | { readonly kind: 'run'; readonly rows: number };

/** Adam keeps two slots per weight; a step also holds the gradients. */
const FIT_WEIGHT_COPIES = 4;
/** A training step keeps every activation for the backward pass and makes its gradient. */
const FIT_ACTIVATION_COPIES = 2;

/**
 * Throws a UserError naming the size when `use` of `plan` on `backend` needs more memory than
 * `limits` allow; returns quietly otherwise.
 */
export function checkMemory(plan: ModelPlan, use: MemoryUse, backend: string, limits: MemoryLimits): void {
  const { weightBytes, activationBytesPerRow } = planFootprint(plan);
  const rows = use.kind === 'fit' ? use.batchSize : use.kind === 'run' ? use.rows : 0;
  const weights = weightBytes * (use.kind === 'fit' ? FIT_WEIGHT_COPIES : 1);
  const activations = activationBytesPerRow * rows * (use.kind === 'fit' ? FIT_ACTIVATION_COPIES : 1);
  const needed = weights + activations;
  const free = limits.freeBytes();
  const wasm = backend === 'wasm';
  const limit = wasm ? Math.min(free, limits.wasmHeapBytes) : free;
  if (needed <= limit) return;
  const size =
    use.kind === 'build'
      ? `The model's weights need ${formatBytes(needed)}`
      : `${use.kind === 'fit' ? 'Training' : 'Running'} this model needs about ${formatBytes(needed)} ` +
        `(${formatBytes(weights)} of weights${use.kind === 'fit' ? ', gradients and optimizer state' : ''}, ` +
        `${formatBytes(activations)} of activations for ${use.kind === 'fit' ? `a batch of ${rows}` : `${rows} row${rows === 1 ? '' : 's'}`})`;
  const room = `this machine has ${formatBytes(free)} free${wasm ? ` and the wasm backend holds at most ${formatBytes(limits.wasmHeapBytes)}` : ''}`;
  const fixes = ['make the layers smaller'];
  if (use.kind === 'fit' && activations > 0 && rows > 1) fixes.push('lower batch_size');
  if (wasm && needed <= free) fixes.push("switch to the cpu backend with 'backend cpu'");
  const fix = fixes.join(fixes.length > 2 ? ', ' : ' or ').replace(/, ([^,]*)$/, ', or $1');
  throw new UserError(`${size}; ${room}. ${fix[0]!.toUpperCase()}${fix.slice(1)}.`);
}
