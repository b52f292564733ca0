import type { ObjectFamily, ObjectParam } from './keras-objects.js';

/**
 * Keras 3 regularizers. Penalties must be non-negative floats (Keras's `validate_float_arg`).
 * Keras resolves strings through the class names and their snake_case (`'l1'`, `'l2'`, `'l1l2'`);
 * `l1_l2` exists only as a callable, so the string `'l1_l2'` is refused like Keras does, with a hint.
 */
const penalty = (name: string, value: number): ObjectParam => ({
  name,
  kind: 'float',
  default: value,
  min: { value: 0, inclusive: true },
});

export const REGULARIZER_FAMILY: ObjectFamily = {
  noun: 'regularizer',
  modules: ['regularizers', 'keras.regularizers', 'tf.keras.regularizers'],
  objects: [
    { className: 'L1', aliases: ['l1'], params: [penalty('l1', 0.01)] },
    { className: 'L2', aliases: ['l2'], params: [penalty('l2', 0.01)] },
    { className: 'L1L2', aliases: ['l1l2'], callOnlyAliases: ['l1_l2'], params: [penalty('l1', 0.0), penalty('l2', 0.0)] },
    {
      className: 'OrthogonalRegularizer',
      aliases: ['orthogonal_regularizer'],
      params: [penalty('factor', 0.01), { name: 'mode', kind: 'choice', default: 'rows', choices: ['rows', 'columns'] }],
    },
  ],
};
