/**
 * MaxPooling2D while training on native TensorFlow: the forward pass is TensorFlow's
 * MaxPoolWithArgmax, which also returns where each window's maximum was, and the backward pass is
 * MaxPoolGradWithArgmax, a scatter of the gradient to those places. tfjs's gradient runs
 * MaxPoolGrad, which finds every window's maximum again: on the MNIST convnet's first pool
 * (32×26×26×32), MaxPool 0.64 ms + MaxPoolGrad 2.54 ms against 2.30 + 0.34. The two ops choose the
 * maximum with the same helper as MaxPoolGrad, so the gradient is the same, value for value.
 * Predict and evaluate keep the plain MaxPool. In klayers' own training loop on native, when setup
 * built them, klayers' kernels (native/kernels.cc) do the same on the host: on the MNIST convnet's
 * training step, with its convs also on them, 19.4 → 14.7 ms.
 */
import * as tf from '../backend/tf.js';
import { nativeOps, type NativeAttr } from '../backend/native/ops.js';
import { withoutInt64Warning } from '../backend/quiet.js';
import { floats, fromKernel, hostFloats, hostInts, ownKernels, type OwnKernels } from '../backend/native/own-kernels.js';
import { setDirect, type DirectLayer } from './direct.js';
import { windowOutputLength, windowPaddingBefore } from '../../layers/conv-shapes.js';

interface Pool2DLike {
  readonly poolSize: [number, number];
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';
  readonly dataFormat: string;
}

type Kwargs = Record<string, unknown>;

function poolAttrs(layer: Pool2DLike): NativeAttr[] {
  return [
    { name: 'ksize', ints: [1, ...layer.poolSize, 1] },
    { name: 'strides', ints: [1, ...layer.strides, 1] },
    { name: 'padding', string: layer.padding.toUpperCase() },
    { name: 'include_batch_in_index', bool: false },
    { name: 'Targmax', dtype: 'int64' },
    { name: 'T', dtype: 'float32' },
  ];
}

/**
 * The pool on klayers' own kernels (native/kernels.cc): the maximum's place per output kept on the
 * host (the first of equal values, as MaxPoolWithArgmax), and the gradient scattered there.
 */
function kernelPool(kernels: OwnKernels, pool: Pool2DLike, x: tf.Tensor): { y: tf.Tensor; backward: (dy: tf.Tensor) => { dx: tf.Tensor; grads: tf.Tensor[] } } {
  const [N, H, W, C] = x.shape as [number, number, number, number];
  const [PH, PW] = pool.poolSize;
  const [SH, SW] = pool.strides;
  const [OH, OW] = [windowOutputLength(H, PH, SH, 1, pool.padding)!, windowOutputLength(W, PW, SW, 1, pool.padding)!];
  const y = hostFloats(N * OH * OW * C);
  const argmax = hostInts(y.length);
  kernels.maxPoolForward(floats(x), y, argmax, N, H, W, C, PH, PW, SH, SW, OH, OW, windowPaddingBefore(H, PH, SH, pool.padding), windowPaddingBefore(W, PW, SW, pool.padding));
  return {
    y: fromKernel(y, [N, OH, OW, C]),
    backward(dy) {
      const dx = hostFloats(x.size);
      kernels.maxPoolBackward(floats(dy), argmax, dx, N, H * W * C, OH * OW * C);
      return { dx: fromKernel(dx, x.shape), grads: [] };
    },
  };
}

/**
 * The layer's step for klayers' own training loop (direct.ts): klayers' kernels or the argmax pair on native, else
 * tfjs's MaxPool and the MaxPoolGrad its gradient calls (a one-pass host kernel on wasm and cpu).
 */
function directPool(pool: Pool2DLike): DirectLayer {
  return {
    forward(x) {
      const kernels = ownKernels();
      if (kernels && x.dtype === 'float32') return kernelPool(kernels, pool, x);
      const ops = nativeOps();
      if (ops) {
        const attrs = poolAttrs(pool);
        const [y, argmax] = withoutInt64Warning(() => ops.run('MaxPoolWithArgmax', attrs, [x], 2));
        return { y: y!, backward: (dy) => ({ dx: ops.run('MaxPoolGradWithArgmax', attrs, [x, dy, argmax!], 1)[0]!, grads: [] }) };
      }
      const y = tf.maxPool(x as tf.Tensor4D, pool.poolSize, pool.strides, pool.padding);
      const attrs = { filterSize: pool.poolSize, strides: pool.strides, pad: pool.padding, dimRoundingMode: undefined };
      return { y, backward: (dy) => ({ dx: tf.engine().runKernel('MaxPoolGrad', { dy, input: x, output: y }, attrs as never) as tf.Tensor, grads: [] }) };
    },
  };
}

/** Give a MaxPooling2D layer the argmax pair for training on native TensorFlow. */
export function useArgmaxPool(layer: tf.layers.Layer): tf.layers.Layer {
  const own = layer.call.bind(layer);
  const pool = layer as unknown as Pool2DLike;
  layer.call = (inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs) => {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const ops = nativeOps();
    if (!ops || kwargs['training'] !== true || pool.dataFormat !== 'channelsLast' || x.rank !== 4 || x.dtype !== 'float32') return own(inputs, kwargs);
    const attrs = poolAttrs(pool);
    const op = tf.customGrad(((input: tf.Tensor, save: tf.GradSaveFunc) => {
      const [y, argmax] = withoutInt64Warning(() => ops.run('MaxPoolWithArgmax', attrs, [input], 2));
      save([input, argmax!]);
      return {
        value: y!,
        gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => ops.run('MaxPoolGradWithArgmax', attrs, [saved[0]!, dy, saved[1]!], 1)[0]!,
      };
    }) as Parameters<typeof tf.customGrad>[0]);
    return op(x);
  };
  if (pool.dataFormat === 'channelsLast') setDirect(layer, directPool(pool));
  return layer;
}
