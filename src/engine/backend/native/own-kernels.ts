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

/** A tensor's values as a Float32Array the kernels may read (tfjs's own copy when it is one). */
export function floats(t: tf.Tensor): Float32Array {
  return t.dataSync() as Float32Array;
}
