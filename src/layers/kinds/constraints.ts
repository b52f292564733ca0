import type { ObjectFamily, ObjectParam } from './keras-objects.js';

/** Keras 3 weight constraints with get_config() defaults (MaxNorm's `max_value` is the int 2). */
const axis: ObjectParam = { name: 'axis', kind: 'axes', default: 0 };

export const CONSTRAINT_FAMILY: ObjectFamily = {
  noun: 'constraint',
  modules: ['constraints', 'keras.constraints', 'tf.keras.constraints'],
  objects: [
    { className: 'MaxNorm', aliases: ['max_norm'], params: [{ name: 'max_value', kind: 'number', default: 2 }, axis] },
    {
      className: 'MinMaxNorm',
      aliases: ['min_max_norm'],
      params: [
        { name: 'min_value', kind: 'float', default: 0.0 },
        { name: 'max_value', kind: 'float', default: 1.0 },
        { name: 'rate', kind: 'float', default: 1.0 },
        axis,
      ],
    },
    { className: 'NonNeg', aliases: ['non_neg'], params: [] },
    { className: 'UnitNorm', aliases: ['unit_norm'], params: [axis] },
  ],
};
