/**
 * Keras `activity_regularizer`: a penalty on a layer's outputs, added to the training loss as
 * `regularizer(output) / batch_size` for each output (Keras 3, layer.py). tfjs throws on any call
 * of a layer that has one, so the engine keeps it itself: the layer remembers its latest outputs,
 * and a loss function registered with `addLoss` turns them into the penalty. tfjs's fit adds every
 * layer loss (`model.calculateLosses()`) right after the training forward pass, while those
 * outputs are still alive and on the gradient tape.
 */
import * as tf from '../backend/tf.js';

type Regularizer = ReturnType<typeof tf.regularizers.l1l2>;
type CallFn = tf.layers.Layer['call'];

/** Penalize `layer`'s outputs with `regularizer` during training, as Keras does. */
export function attachActivityRegularizer(layer: tf.layers.Layer, regularizer: Regularizer): void {
  let latest: tf.Tensor[] = [];
  const originalCall: CallFn = layer.call.bind(layer);
  layer.call = (inputs, kwargs) => {
    const out = originalCall(inputs, kwargs);
    latest = Array.isArray(out) ? out : [out];
    return out;
  };
  layer.addLoss(() =>
    tf.tidy(() => {
      let total: tf.Scalar = tf.scalar(0);
      for (const output of latest) {
        if (output.isDisposed) continue;
        const batch = output.rank > 0 ? output.shape[0] : 1;
        total = tf.add(total, tf.div(regularizer.apply(output), batch));
      }
      return total;
    }),
  );
}
