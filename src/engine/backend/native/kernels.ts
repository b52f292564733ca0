/**
 * Two gradients that tfjs-node runs as a chain of full-size ops, run as TensorFlow's own:
 * - ReLU's gradient: tfjs computes `dy · cast(step(x))`, and tfjs-node's Step kernel is six ops
 *   (isNaN, greater, ones, fill and two selects: 3.9 ms a call on the MNIST convnet's first
 *   feature map, a fifth of its training step). TensorFlow's ReluGrad is one op and is what Keras
 *   on TensorFlow runs: `dy` where the features are > 0, else 0.
 * - Step with alpha 0 (what tfjs's fused matMul and conv2d multiply a ReLU's gradient by) as
 *   `cast(x > 0)`: two ops; equal to tfjs's Step except that a NaN feature gives 0, as ReluGrad.
 * Installed when the native backend starts; the Relu gradient keeps tfjs's formula on every other
 * backend.
 */
import * as tf from '../tf.js';
import { nativeOps, type NativeOps } from './ops.js';
import { replaceKernel } from '../replace-kernel.js';

const FLOAT = [{ name: 'T', dtype: 'float32' }] as const;

/** TensorFlow's ReluGrad: `dy` where the ReLU's input (or output) `x` is > 0, else 0. */
export function reluGrad(ops: NativeOps, dy: tf.Tensor, x: tf.Tensor): tf.Tensor {
  return ops.run('ReluGrad', FLOAT, [dy, x], 1)[0]!;
}

let installed = false;

/** Replace the two, once per process (the native backend must be registered). */
export function registerNativeKernels(): void {
  const relu = tf.getGradient('Relu');
  if (installed || !relu || nativeOps() === null) return;
  installed = true;
  const zero = tf.keep(tf.tidy(() => tf.scalar(0, 'float32')));
  const cast = [{ name: 'SrcT', dtype: 'bool' }, { name: 'DstT', dtype: 'float32' }, { name: 'Truncate', bool: false }] as const;
  replaceKernel('Step', 'tensorflow', (step) => (args) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    const alpha = (args.attrs as { alpha?: number } | undefined)?.alpha ?? 0;
    if (alpha !== 0 || x.dtype !== 'float32') return step(args as never) as tf.TensorInfo;
    const ops = nativeOps()!;
    const positive = ops.run('Greater', FLOAT, [x as tf.Tensor, zero], 1)[0]!;
    const out = ops.run('Cast', cast, [positive], 1)[0]!;
    positive.dispose();
    return out;
  });
  tf.registerGradient({
    ...relu,
    gradFunc: (dy, saved, attrs) => {
      const ops = nativeOps();
      const [x] = saved as tf.Tensor[];
      if (!ops || x!.dtype !== 'float32' || (dy as tf.Tensor).dtype !== 'float32') return relu.gradFunc(dy, saved, attrs);
      return { x: () => reluGrad(ops, dy as tf.Tensor, x!) };
    },
  });
}
