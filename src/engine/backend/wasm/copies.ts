/**
 * Two wasm kernels that copy more than they need to, replaced:
 * - Identity: wasm copies the whole tensor, and tfjs runs Identity for every tensor a gradient
 *   saves (`clone` in saveTensorsForBackwardMode) and for every same-dtype cast: 28 copies per
 *   Conv2D(8)-MaxPool-Dense step, 1.3 ms at batch 128. Tensors are immutable in tfjs (a variable's
 *   assign takes a new buffer), so Identity shares the buffer and counts a reference, as the cpu
 *   backend and wasm's own Reshape do.
 * - GatherV2 of whole rows (axis 0, the way fit slices each batch out of the training data):
 *   wasm's kernel computes every element's source index, 2.7 ms for 128 rows of 784 values; here
 *   each row is one block copy. Other gathers, and indices out of range, go to wasm's kernel.
 */
import * as tf from '../tf.js';
import { replaceKernel, type KernelArgs, type WasmBackend } from '../replace-kernel.js';

function identityWasm(args: KernelArgs): tf.TensorInfo {
  const { x } = args.inputs as { x: tf.TensorInfo };
  (args.backend as WasmBackend).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

function gatherRowsWasm(original: tf.KernelFunc, args: KernelArgs): tf.TensorInfo {
  const { x, indices } = args.inputs as { x: tf.TensorInfo; indices: tf.TensorInfo };
  const { axis, batchDims } = args.attrs as { axis: number; batchDims: number };
  const backend = args.backend as WasmBackend;
  if (axis !== 0 || batchDims !== 0 || x.dtype === 'string' || indices.dtype !== 'int32' || x.shape.length === 0) return original(args as never) as tf.TensorInfo;
  const rows = x.shape[0]!;
  const rowSize = tf.util.sizeFromShape(x.shape.slice(1));
  const ids = backend.typedArrayFromHeap(indices);
  for (let i = 0; i < ids.length; i++) if (!(ids[i]! >= 0 && ids[i]! < rows)) return original(args as never) as tf.TensorInfo;
  const out = backend.makeOutput([...indices.shape, ...x.shape.slice(1)], x.dtype);
  const [from, to, at] = [backend.typedArrayFromHeap(x), backend.typedArrayFromHeap(out), backend.typedArrayFromHeap(indices)];
  for (let i = 0; i < at.length; i++) to.set(from.subarray(at[i]! * rowSize, (at[i]! + 1) * rowSize), i * rowSize);
  return out;
}

/** Replace wasm's Identity and GatherV2 (once per process). */
export function registerWasmCopies(): void {
  replaceKernel('Identity', 'wasm', () => identityWasm);
  replaceKernel('GatherV2', 'wasm', (original) => (args) => gatherRowsWasm(original, args));
}
