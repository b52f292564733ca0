/**
 * wasm's BatchMatMul with a transposed operand takes a plain loop instead of XNNPACK: 10-300×
 * slower than the same product on operands laid out first (measured: [2048,128]ᵀ·[2048,512] took
 * 305 ms against 10 ms), and every Dense and LSTM gradient has such a product (xᵀ·dy, dy·Wᵀ).
 * This wrapper transposes the operand with wasm's Transpose kernel and runs the fast path; the
 * numbers are the same products summed in the same order.
 */
import * as tf from '../tf.js';
import { replaceKernel, type KernelArgs, type WasmBackend } from '../replace-kernel.js';

type Attrs = { transposeA: boolean; transposeB: boolean };

/** The last two axes swapped, as a Transpose perm for a rank-`rank` tensor. */
const swapLast = (rank: number) => [...Array.from({ length: rank - 2 }, (_, i) => i), rank - 1, rank - 2];

function batchMatMulWasm(kernel: tf.KernelFunc, args: KernelArgs): tf.TensorInfo {
  const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
  const { transposeA, transposeB } = (args.attrs ?? {}) as Attrs;
  const backend = args.backend as WasmBackend;
  if (!transposeA && !transposeB) return kernel(args as never) as tf.TensorInfo;
  const transpose = tf.getKernel('Transpose', 'wasm')!.kernelFunc;
  const laid: tf.TensorInfo[] = [];
  const layOut = (t: tf.TensorInfo, flip: boolean): tf.TensorInfo => {
    if (!flip) return t;
    const out = transpose({ inputs: { x: t }, backend: backend as never, attrs: { perm: swapLast(t.shape.length) } as never }) as tf.TensorInfo;
    laid.push(out);
    return out;
  };
  try {
    const inputs = { a: layOut(a, transposeA), b: layOut(b, transposeB) };
    return kernel({ ...args, inputs, attrs: { ...(args.attrs ?? {}), transposeA: false, transposeB: false } } as never) as tf.TensorInfo;
  } finally {
    for (const t of laid) backend.disposeData(t.dataId);
  }
}

/** Wrap wasm's BatchMatMul (once per process). */
export function registerWasmMatMul(): void {
  replaceKernel('BatchMatMul', 'wasm', (original) => (args) => batchMatMulWasm(original, args));
}
