/**
 * TensorFlow ops reached by name on the native backend, for the kernels tfjs has no op for
 * (BlockLSTM runs a whole LSTM sequence in one call). Null on every other backend: callers keep a
 * path of their own for wasm and cpu.
 */
import * as tf from '../tf.js';
import { withoutInt64Warning } from '../quiet.js';

type Attr = { readonly name: string; readonly type: number; readonly value: unknown };

/** tfjs-node's kernel backend, as far as it is used here. */
interface NodeBackend {
  readonly binding: Record<string, number> & object;
  executeSingleOutput(name: string, attrs: Attr[], inputs: tf.Tensor[]): tf.Tensor;
  executeMultipleOutputs(name: string, attrs: Attr[], inputs: tf.Tensor[], outputs: number): tf.Tensor[];
}

export interface NativeOps {
  /** Runs TensorFlow op `name`; attrs are given as plain values by kind. */
  run(name: string, attrs: readonly NativeAttr[], inputs: tf.Tensor[], outputs: number): tf.Tensor[];
  /** A scalar int64 (TensorFlow's sequence lengths), kept for the life of the process. */
  int64Scalar(value: number): tf.Tensor;
}

export type NativeAttr =
  | { readonly name: string; readonly float: number }
  | { readonly name: string; readonly bool: boolean }
  | { readonly name: string; readonly ints: readonly number[] }
  | { readonly name: string; readonly string: string }
  | { readonly name: string; readonly dtype: 'float32' | 'int32' | 'int64' | 'bool' };

const int64s = new Map<number, tf.Tensor>();

/** The native ops when the current backend is native TensorFlow, else null. */
export function nativeOps(): NativeOps | null {
  if (tf.getBackend() !== 'tensorflow') return null;
  const backend = tf.backend() as unknown as NodeBackend;
  // A stand-in 'tensorflow' backend (tests register cpu's kernels under that name) has no ops by name.
  if (typeof backend.executeMultipleOutputs !== 'function') return null;
  const b = backend.binding;
  const dtypes = { float32: b['TF_FLOAT']!, int32: b['TF_INT32']!, int64: b['TF_INT64']!, bool: b['TF_BOOL']! };
  const attr = (a: NativeAttr): Attr => {
    if ('float' in a) return { name: a.name, type: b['TF_ATTR_FLOAT']!, value: a.float };
    if ('bool' in a) return { name: a.name, type: b['TF_ATTR_BOOL']!, value: a.bool };
    if ('ints' in a) return { name: a.name, type: b['TF_ATTR_INT']!, value: [...a.ints] };
    if ('string' in a) return { name: a.name, type: b['TF_ATTR_STRING']!, value: a.string };
    return { name: a.name, type: b['TF_ATTR_TYPE']!, value: dtypes[a.dtype] };
  };
  return {
    run: (name, attrs, inputs, outputs) => backend.executeMultipleOutputs(name, attrs.map(attr), inputs, outputs),
    int64Scalar(value) {
      let t = int64s.get(value);
      if (t === undefined || t.isDisposed) {
        const int32 = tf.scalar(value, 'int32');
        const cast = [attr({ name: 'SrcT', dtype: 'int32' }), attr({ name: 'DstT', dtype: 'int64' }), attr({ name: 'Truncate', bool: false })];
        t = tf.keep(withoutInt64Warning(() => backend.executeSingleOutput('Cast', cast, [int32])));
        int32.dispose();
        int64s.set(value, t);
      }
      return t;
    },
  };
}
