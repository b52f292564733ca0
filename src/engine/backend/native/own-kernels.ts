/**
 * klayers' own CPU kernels (native/kernels.cc), built by `klayers native setup` next to native
 * TensorFlow for the machine it runs on (FMA and AVX-512 where the CPU has them; TensorFlow's Eigen
 * kernels are compiled for AVX only): the LSTM, Conv2D and MaxPooling2D's training pass. They work on host Float32Arrays. Used on the native backend
 * only, so `backend wasm` and `backend cpu` run what they always ran; `KLAYERS_NATIVE_KERNELS=0`
 * turns them off (TensorFlow's own ops run instead), to compare.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import * as tf from '../tf.js';
import { nativeLayout } from '../../../native/layout.js';
import { nativeOps } from './ops.js';

/** The addon's functions (their arguments are documented in native/kernels.cc). */
export interface OwnKernels {
  lstmForward(...args: KernelArg[]): void;
  lstmBackward(...args: KernelArg[]): void;
  conv2dForward(...args: KernelArg[]): void;
  conv2dBackward(...args: KernelArg[]): void;
  maxPoolForward(...args: KernelArg[]): void;
  maxPoolBackward(...args: KernelArg[]): void;
}

type KernelArg = Float32Array | Int32Array | number | boolean;

let loaded: OwnKernels | null | undefined;

/** Loads the addon once; null when setup has not built it or it does not load. */
export function loadOwnKernels(): OwnKernels | null {
  if (loaded !== undefined) return loaded;
  const path = nativeLayout().kernels;
  try {
    loaded = existsSync(path) ? (createRequire(import.meta.url)(path) as OwnKernels) : null;
  } catch {
    loaded = null;
  }
  return loaded;
}

/** The kernels when the current backend is native TensorFlow and they are built and on, else null. */
export function ownKernels(): OwnKernels | null {
  if (process.env['KLAYERS_NATIVE_KERNELS'] === '0' || nativeOps() === null) return null;
  return loadOwnKernels();
}

/** The values a kernel wrote, by the tensor made of them: a later kernel reads them without a copy out of TensorFlow. */
const hostValues = new WeakMap<tf.Tensor, Float32Array>();

/**
 * A tensor of a kernel's output `values`, which nothing writes again. When the next layer's kernel
 * reads it (a conv's output into the pool, the pool's gradient into the conv's), floats() hands
 * back the same array: on Conv8 at batch 128 that is 2.8 MB not copied out of TensorFlow twice a step.
 */
export function fromKernel(values: Float32Array, shape: readonly number[]): tf.Tensor {
  const t = tf.tensor(values, shape as number[], 'float32');
  hostValues.set(t, values);
  return t;
}

/**
 * Host arrays for the kernels' outputs, reused from one training step of the own loop to the next.
 * Allocating them afresh (several MB a step on the MNIST convnet) kept V8's major collector busy,
 * ~20% of the step and one of the two cores. Every array a kernel takes during a step
 * (`taken`) is given back when the step ends, its tensors disposed by then: the next step's
 * kernels take them again by size. Outside a step (predict, evaluate) arrays are new, as their
 * tensors may outlive it. Every kernel writes all of its outputs, so old values never show.
 */
let taken: (Float32Array | Int32Array)[] | null = null;
let spare = new Map<string, (Float32Array | Int32Array)[]>();

function take<T extends Float32Array | Int32Array>(kind: 'f' | 'i', length: number, make: (n: number) => T): T {
  if (!taken) return make(length);
  const reused = spare.get(`${kind}${length}`)?.pop() as T | undefined;
  const array = reused ?? make(length);
  taken.push(array);
  return array;
}

/** A Float32Array of `length` for a kernel's output. */
export const hostFloats = (length: number): Float32Array => take('f', length, (n) => new Float32Array(n));

/** An Int32Array of `length` for a kernel's output. */
export const hostInts = (length: number): Int32Array => take('i', length, (n) => new Int32Array(n));

/** Runs one training step with kernel arrays reused from the last (see hostFloats). */
export function withStepArrays<T>(step: () => T): T {
  taken = [];
  try {
    return step();
  } finally {
    const next = new Map<string, (Float32Array | Int32Array)[]>();
    for (const a of taken) {
      const key = `${a instanceof Int32Array ? 'i' : 'f'}${a.length}`;
      next.set(key, [...(next.get(key) ?? []), a]);
    }
    spare = next;
    taken = null;
  }
}

/** A tensor's values as a Float32Array the kernels may read (the kernel's own when one wrote them, else tfjs's copy). */
export function floats(t: tf.Tensor): Float32Array {
  return hostValues.get(t) ?? (t.dataSync() as Float32Array);
}
