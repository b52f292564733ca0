/**
 * `UnsortedSegmentSum` for tfjs's wasm backend, which ships without it. tfjs needs it for the
 * gradient of `gather` (a Lambda's stepped slice such as `x[:, ::2]`, and Embedding), so without
 * it those models could not train on wasm.
 *
 * out[s, ...] = Σ_{i : segmentIds[i] = s} x[i, ...], segmentIds' shape being a prefix of x's;
 * ids outside [0, numSegments) are dropped, as in TensorFlow. One linear pass in JS over wasm's
 * heap: the sizes involved are small, and this is exact (same summation order as a loop in C).
 */
import * as tf from '../tf.js';
import type { WasmBackend } from '../replace-kernel.js';

/** Kernel function for `UnsortedSegmentSum` on wasm (inputs: x, segmentIds; attr numSegments). */
function unsortedSegmentSumWasm(args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: object }): tf.TensorInfo {
  const { x, segmentIds } = args.inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
  const { numSegments } = args.attrs as { numSegments: number };
  const backend = args.backend as WasmBackend;
  const ids = backend.readSync(segmentIds.dataId);
  const values = backend.readSync(x.dataId);
  const inner = tf.util.sizeFromShape(x.shape.slice(segmentIds.shape.length));
  const out = backend.makeOutput([numSegments, ...x.shape.slice(segmentIds.shape.length)], x.dtype);
  const sums = backend.typedArrayFromHeap(out);
  sums.fill(0);
  for (let i = 0; i < ids.length; i++) {
    const segment = ids[i]!;
    if (segment < 0 || segment >= numSegments) continue;
    const from = i * inner;
    const to = segment * inner;
    for (let k = 0; k < inner; k++) sums[to + k]! += values[from + k]!;
  }
  return out;
}

/** Register the kernel once per process. */
export function registerWasmSegmentSum(): void {
  if (tf.getKernel('UnsortedSegmentSum', 'wasm')) return;
  tf.registerKernel({ kernelName: 'UnsortedSegmentSum', backendName: 'wasm', kernelFunc: unsortedSegmentSumWasm as tf.KernelFunc });
}
