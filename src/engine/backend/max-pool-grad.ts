/**
 * MaxPool's gradient on the backends whose tensors live in this process (wasm's heap, cpu's
 * arrays), as one pass over the windows: each window's gradient goes to its first largest input
 * (row by row, `>`, as tfjs's kernels and TensorFlow choose it), summed where windows overlap.
 * wasm's own kernel loops over every input position and every window that could cover it: 4.1 ms
 * of an 11.6 ms Conv2D(8)-MaxPool-Dense training step, against ~1 ms here; cpu's walks the windows
 * twice.
 */
import * as tf from './tf.js';
import { replaceKernel, type CpuBackend, type KernelArgs, type WasmBackend } from './replace-kernel.js';

type PoolAttrs = { filterSize: number | [number, number]; strides: number | [number, number]; pad: 'valid' | 'same' | number; dimRoundingMode?: 'floor' | 'round' | 'ceil' };

/** dx for `x` (NHWC) and `dy` of a max pool described by `info`, written into `dx` (zeroed here). */
export function maxPoolGradInto(x: Float32Array, dy: Float32Array, dx: Float32Array, info: tf.backend_util.Conv2DInfo): void {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth, strideHeight, strideWidth } = info;
  const [filterHeight, filterWidth] = [info.effectiveFilterHeight, info.effectiveFilterWidth];
  const { top, left } = info.padInfo;
  dx.fill(0);
  const rowStep = inWidth * channels;
  const whole = top === 0 && left === 0 && 2 * outHeight <= inHeight && 2 * outWidth <= inWidth;
  if (filterHeight === 2 && filterWidth === 2 && strideHeight === 2 && strideWidth === 2 && whole) {
    halvingGradInto(x, dy, dx, info);
    return;
  }
  for (let b = 0; b < batchSize; b++) {
    for (let oy = 0; oy < outHeight; oy++) {
      const r0 = oy * strideHeight - top;
      const [rStart, rEnd] = [Math.max(r0, 0), Math.min(inHeight, r0 + filterHeight)];
      for (let ox = 0; ox < outWidth; ox++) {
        const c0 = ox * strideWidth - left;
        const [cStart, cEnd] = [Math.max(c0, 0), Math.min(inWidth, c0 + filterWidth)];
        const corner = ((b * inHeight + rStart) * inWidth + cStart) * channels;
        const [rows, cols] = [rEnd - rStart, cEnd - cStart];
        const out = ((b * outHeight + oy) * outWidth + ox) * channels;
        for (let d = 0; d < channels; d++) {
          let best = -Infinity;
          let at = -1;
          for (let r = 0, row = corner + d; r < rows; r++, row += rowStep) {
            for (let c = 0, i = row; c < cols; c++, i += channels) {
              const v = x[i]!;
              if (v > best) {
                best = v;
                at = i;
              }
            }
          }
          if (at >= 0) dx[at] = dx[at]! + dy[out + d]!;
        }
      }
    }
  }
}

/**
 * The common MaxPooling2D() (2×2 windows, stride 2, every window inside the input), unrolled: the
 * same four comparisons in the same order as the general loop, about twice as fast.
 */
function halvingGradInto(x: Float32Array, dy: Float32Array, dx: Float32Array, info: tf.backend_util.Conv2DInfo): void {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  const rowStep = inWidth * channels;
  for (let b = 0; b < batchSize; b++) {
    for (let oy = 0; oy < outHeight; oy++) {
      const row = (b * inHeight + 2 * oy) * rowStep;
      for (let ox = 0; ox < outWidth; ox++) {
        const corner = row + 2 * ox * channels;
        const out = ((b * outHeight + oy) * outWidth + ox) * channels;
        for (let d = 0; d < channels; d++) {
          const p0 = corner + d;
          const p1 = p0 + channels;
          const p2 = p0 + rowStep;
          const p3 = p2 + channels;
          let best = -Infinity;
          let at = -1;
          let v = x[p0]!;
          if (v > best) {
            best = v;
            at = p0;
          }
          v = x[p1]!;
          if (v > best) {
            best = v;
            at = p1;
          }
          v = x[p2]!;
          if (v > best) {
            best = v;
            at = p2;
          }
          if (x[p3]! > best) at = p3;
          if (at >= 0) dx[at] = dx[at]! + dy[out + d]!;
        }
      }
    }
  }
}

/** Replace `backendName`'s MaxPoolGrad with the one-pass host kernel (once per process). */
export function registerHostMaxPoolGrad(backendName: 'wasm' | 'cpu'): void {
  replaceKernel('MaxPoolGrad', backendName, (original) => (args: KernelArgs): tf.TensorInfo => {
    const { dy, input } = args.inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
    if (input.dtype !== 'float32' || dy.dtype !== 'float32') return original(args as never) as tf.TensorInfo;
    const { filterSize, strides, pad, dimRoundingMode } = args.attrs as PoolAttrs;
    const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
    if (backendName === 'wasm') {
      const backend = args.backend as WasmBackend;
      const dx = backend.makeOutput([...input.shape], 'float32');
      const view = (t: tf.TensorInfo) => backend.typedArrayFromHeap(t) as Float32Array;
      maxPoolGradInto(view(input), view(dy), view(dx), info);
      return dx;
    }
    const backend = args.backend as CpuBackend;
    const dx = new Float32Array(tf.util.sizeFromShape(input.shape));
    const values = (t: tf.TensorInfo) => backend.data.get(t.dataId).values as Float32Array;
    maxPoolGradInto(values(input), values(dy), dx, info);
    return backend.makeTensorInfo([...input.shape], 'float32', dx);
  });
}
