/**
 * wasm's BatchMatMul with a transposed operand takes a plain loop instead of XNNPACK: 10-300×
 * slower than the same product on operands laid out first (measured: [2048,128]ᵀ·[2048,512] took
 * 305 ms against 10 ms), and every Dense and LSTM gradient has such a product (xᵀ·dy, dy·Wᵀ).
 * This wrapper transposes the operand with wasm's Transpose kernel and runs the fast path; the
 * numbers are the same products summed in the same order.
 *
 * wasm's _FusedMatMul (a product, a bias and an activation in one kernel) gets the same wrapper:
 * its transposed path computes wrong values (Aᵀ·B with a [1, 3, 5] A differs from cpu's from the
 * second row on), and it reads its operands as batches only (a rank-2 operand reads out of
 * bounds), so tfjs's fused matMul op reshapes them to rank 3 first: three more kernel calls
 * around every Dense layer's product. Rank-2 operands are taken as one-matrix batches here.
 */
import * as tf from '../tf.js';
import { replaceKernel, type KernelArgs, type WasmBackend } from '../replace-kernel.js';

type Attrs = { transposeA: boolean; transposeB: boolean };

/** The last two axes swapped, as a Transpose perm for a rank-`rank` tensor. */
const swapLast = (rank: number) => [...Array.from({ length: rank - 2 }, (_, i) => i), rank - 1, rank - 2];

/**
 * `kernel` (wasm's BatchMatMul or _FusedMatMul) with the transposed operands laid out first and
 * rank-2 operands as one-matrix batches (the same buffers with a leading 1 in the shape, as wasm's
 * Reshape makes them); a rank-2 product gives a rank-2 result.
 */
function plainMatMul(kernel: tf.KernelFunc, args: KernelArgs): tf.TensorInfo {
  const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
  const { transposeA, transposeB } = (args.attrs ?? {}) as Attrs;
  const backend = args.backend as WasmBackend;
  const flat = a.shape.length === 2 && b.shape.length === 2;
  if (!transposeA && !transposeB && !flat) return kernel(args as never) as tf.TensorInfo;
  const transpose = tf.getKernel('Transpose', 'wasm')!.kernelFunc;
  const laid: tf.TensorInfo[] = [];
  const layOut = (t: tf.TensorInfo, flip: boolean): tf.TensorInfo => {
    const out = flip ? (transpose({ inputs: { x: t }, backend: backend as never, attrs: { perm: swapLast(t.shape.length) } as never }) as tf.TensorInfo) : t;
    if (flip) laid.push(out);
    return flat ? { ...out, shape: [1, ...out.shape] } : out;
  };
  try {
    const inputs = { ...args.inputs, a: layOut(a, transposeA), b: layOut(b, transposeB) };
    const out = kernel({ ...args, inputs, attrs: { ...(args.attrs ?? {}), transposeA: false, transposeB: false } } as never) as tf.TensorInfo;
    return flat ? { ...out, shape: out.shape.slice(1) } : out;
  } finally {
    for (const t of laid) backend.disposeData(t.dataId);
  }
}

/** Wrap wasm's BatchMatMul and _FusedMatMul (once per process). */
export function registerWasmMatMul(): void {
  replaceKernel('BatchMatMul', 'wasm', (original) => (args) => plainMatMul(original, args));
  replaceKernel('_FusedMatMul', 'wasm', (original) => (args) => plainMatMul(original, args));
}
