/**
 * Replacing a backend's kernel with klayers' own, and the parts of tfjs's in-process backends
 * (wasm's heap, cpu's arrays) those kernels use. A replacement receives the kernel it replaces,
 * to hand back the cases it does not cover.
 */
import * as tf from './tf.js';

/** What a kernel function receives. */
export type KernelArgs = { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: object };

/** tfjs-backend-wasm's backend, as far as klayers' kernels use it. */
export interface WasmBackend {
  incRef(dataId: object): void;
  refCount(dataId: object): number;
  disposeData(dataId: object): boolean;
  readSync(dataId: object): ArrayLike<number>;
  /** A new tensor on wasm's heap. Allocating may grow the heap, which detaches views taken before: make outputs first. */
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  /** A view of a tensor's values on wasm's heap (no copy). */
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

/** tfjs-backend-cpu's backend, as far as klayers' kernels use it. */
export interface CpuBackend {
  refCount(dataId: object): number;
  data: { get(dataId: object): { values?: unknown } };
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: Float32Array): tf.TensorInfo;
}

const replaced = new Set<string>();

/**
 * Register `make(original)` as `backendName`'s `kernelName`, once per process; false (nothing
 * changed) when that backend has no such kernel.
 */
export function replaceKernel(kernelName: string, backendName: string, make: (original: tf.KernelFunc) => (args: KernelArgs) => tf.TensorInfo): boolean {
  const key = `${backendName}/${kernelName}`;
  if (replaced.has(key)) return true;
  const kernel = tf.getKernel(kernelName, backendName);
  if (!kernel) return false;
  replaced.add(key);
  tf.unregisterKernel(kernelName, backendName);
  tf.registerKernel({ ...kernel, kernelFunc: make(kernel.kernelFunc) as tf.KernelFunc });
  return true;
}
