import type { KerasObjectSpec, ObjectFamily, ObjectParam } from './keras-objects.js';

/**
 * Keras 3 initializers (keras/src/initializers), constructor parameters in signature order with
 * the defaults get_config() shows. Aliases are Keras's snake_case names plus its legacy extras
 * (`normal`, `uniform`, `one`, `zero`, `IdentityInitializer`, `OrthogonalInitializer`).
 */
const seed: ObjectParam = { name: 'seed', kind: 'int', default: null, nullable: true };
const axes = (name: string): ObjectParam => ({ name, kind: 'axes', default: null, nullable: true });
const float = (name: string, value: number): ObjectParam => ({ name, kind: 'float', default: value });

/** Keras's initializers write `seed` first in get_config(), then the rest in signature order. */
function seedFirst(spec: KerasObjectSpec): KerasObjectSpec {
  const names = spec.params.map((p) => p.name);
  return names.includes('seed') ? { ...spec, configOrder: ['seed', ...names.filter((n) => n !== 'seed')] } : spec;
}

/** Glorot/He/Lecun: a seed plus the fan axes Keras 3.15 added. */
function fanInitializer(className: string, alias: string): KerasObjectSpec {
  return { className, aliases: [alias], params: [seed, axes('input_axes'), axes('output_axes')] };
}

const INITIALIZERS: readonly KerasObjectSpec[] = [
  fanInitializer('GlorotUniform', 'glorot_uniform'),
  fanInitializer('GlorotNormal', 'glorot_normal'),
  fanInitializer('HeNormal', 'he_normal'),
  fanInitializer('HeUniform', 'he_uniform'),
  fanInitializer('LecunNormal', 'lecun_normal'),
  fanInitializer('LecunUniform', 'lecun_uniform'),
  { className: 'Zeros', aliases: ['zeros', 'zero'], params: [] },
  { className: 'Ones', aliases: ['ones', 'one'], params: [] },
  { className: 'Constant', aliases: ['constant'], params: [float('value', 0.0)] },
  // Keras's Identity.get_config() forgets `gain`; we keep it so the user's value survives.
  { className: 'Identity', aliases: ['identity', 'IdentityInitializer'], params: [float('gain', 1.0)] },
  { className: 'Orthogonal', aliases: ['orthogonal', 'OrthogonalInitializer'], params: [float('gain', 1.0), seed] },
  { className: 'RandomNormal', aliases: ['random_normal', 'normal'], params: [float('mean', 0.0), float('stddev', 0.05), seed] },
  { className: 'TruncatedNormal', aliases: ['truncated_normal'], params: [float('mean', 0.0), float('stddev', 0.05), seed] },
  { className: 'RandomUniform', aliases: ['random_uniform', 'uniform'], params: [float('minval', -0.05), float('maxval', 0.05), seed] },
  {
    className: 'VarianceScaling',
    aliases: ['variance_scaling'],
    params: [
      { name: 'scale', kind: 'float', default: 1.0, min: { value: 0, inclusive: false } },
      { name: 'mode', kind: 'choice', default: 'fan_in', choices: ['fan_in', 'fan_out', 'fan_avg'] },
      {
        name: 'distribution',
        kind: 'choice',
        default: 'truncated_normal',
        choices: ['truncated_normal', 'untruncated_normal', 'uniform'],
        synonyms: { normal: 'truncated_normal' },
      },
      seed,
      axes('input_axes'),
      axes('output_axes'),
    ],
  },
];

export const INITIALIZER_FAMILY: ObjectFamily = {
  noun: 'initializer',
  modules: ['initializers', 'keras.initializers', 'tf.keras.initializers'],
  objects: INITIALIZERS.map(seedFirst),
};
