/**
 * Keras initializer Calls (`GlorotUniform(seed=None)`, `Constant(value=0.1)`, …) -> tfjs
 * initializers with the same distribution. Keras's truncated normal scaling divides the stddev by
 * 0.8796 (the stddev of a standard normal truncated at ±2); tfjs does not, so its scale is adjusted.
 */
import * as tf from '../backend/tf.js';
import type { Call, Value } from '../../lang/ast.js';
import { show } from './args.js';
import { EngineUnsupported } from './unsupported.js';
import { orthogonal } from './orthogonal.js';

type Initializer = ReturnType<typeof tf.initializers.zeros>;

/** Stddev of a unit normal truncated to [-2, 2], as Keras's VarianceScaling uses. */
const TRUNCATION_STDDEV = 0.87962566103423978;

function numberArg(c: Call, name: string, fallback: number): number {
  const v = c.kwargs[name];
  return typeof v === 'number' ? v : fallback;
}

/** Keras seeds are ints or None; tfjs takes undefined for "draw a fresh seed". */
function seedOf(c: Call): number | undefined {
  const v: Value | undefined = c.kwargs.seed;
  return typeof v === 'number' ? v : undefined;
}

type Mode = 'fanIn' | 'fanOut' | 'fanAvg';

function scaling(c: Call, scale: number, mode: Mode, distribution: string): Initializer {
  const seed = seedOf(c);
  if (distribution === 'uniform') return tf.initializers.varianceScaling({ scale, mode, distribution: 'uniform', seed });
  if (distribution === 'truncated_normal') {
    const adjusted = scale / TRUNCATION_STDDEV ** 2;
    return tf.initializers.varianceScaling({ scale: adjusted, mode, distribution: 'normal', seed });
  }
  throw new EngineUnsupported(
    `${show(c)}: distribution='${distribution}' is not supported by the tfjs engine.`,
    "Use distribution='truncated_normal' or 'uniform'.",
  );
}

const MODES: Record<string, Mode> = { fan_in: 'fanIn', fan_out: 'fanOut', fan_avg: 'fanAvg' };

const BUILDERS: Record<string, (c: Call) => Initializer> = {
  Zeros: () => tf.initializers.zeros(),
  Ones: () => tf.initializers.ones(),
  Constant: (c) => tf.initializers.constant({ value: numberArg(c, 'value', 0) }),
  RandomNormal: (c) =>
    tf.initializers.randomNormal({ mean: numberArg(c, 'mean', 0), stddev: numberArg(c, 'stddev', 0.05), seed: seedOf(c) }),
  RandomUniform: (c) =>
    tf.initializers.randomUniform({ minval: numberArg(c, 'minval', -0.05), maxval: numberArg(c, 'maxval', 0.05), seed: seedOf(c) }),
  TruncatedNormal: (c) =>
    tf.initializers.truncatedNormal({ mean: numberArg(c, 'mean', 0), stddev: numberArg(c, 'stddev', 0.05), seed: seedOf(c) }),
  GlorotUniform: (c) => scaling(c, 1, 'fanAvg', 'uniform'),
  GlorotNormal: (c) => scaling(c, 1, 'fanAvg', 'truncated_normal'),
  HeUniform: (c) => scaling(c, 2, 'fanIn', 'uniform'),
  HeNormal: (c) => scaling(c, 2, 'fanIn', 'truncated_normal'),
  LecunUniform: (c) => scaling(c, 1, 'fanIn', 'uniform'),
  LecunNormal: (c) => scaling(c, 1, 'fanIn', 'truncated_normal'),
  VarianceScaling: (c) => {
    const mode = MODES[String(c.kwargs.mode ?? 'fan_in')];
    if (!mode) throw new EngineUnsupported(`${show(c)}: unknown mode ${show(c.kwargs.mode)}.`, "Use 'fan_in', 'fan_out' or 'fan_avg'.");
    return scaling(c, numberArg(c, 'scale', 1), mode, String(c.kwargs.distribution ?? 'truncated_normal'));
  },
  Orthogonal: (c) => orthogonal(numberArg(c, 'gain', 1), seedOf(c)),
  Identity: (c) => tf.initializers.identity({ gain: numberArg(c, 'gain', 1) }),
};
BUILDERS.IdentityInitializer = BUILDERS.Identity!;

/** Snake-case spellings Keras also accepts, in case a string reaches the engine. */
const ALIASES: Record<string, string> = {
  zeros: 'Zeros', ones: 'Ones', glorot_uniform: 'GlorotUniform', glorot_normal: 'GlorotNormal',
  he_uniform: 'HeUniform', he_normal: 'HeNormal', lecun_uniform: 'LecunUniform',
  lecun_normal: 'LecunNormal', orthogonal: 'Orthogonal', random_normal: 'RandomNormal',
  random_uniform: 'RandomUniform', truncated_normal: 'TruncatedNormal', identity: 'Identity',
};

/** The tfjs initializer for a normalized Keras initializer value; null/undefined -> undefined. */
export function toInitializer(v: Value | undefined): Initializer | undefined {
  if (v === null || v === undefined) return undefined;
  const c: Call =
    typeof v === 'string'
      ? { kind: 'call', name: ALIASES[v] ?? v, args: [], kwargs: {}, column: 0 }
      : (v as Call);
  const className = c.name.split('.').pop() ?? c.name;
  const build = BUILDERS[className];
  if (!build) {
    throw new EngineUnsupported(`Initializer ${show(v)} is not supported by the tfjs engine.`, `Supported: ${Object.keys(BUILDERS).join(', ')}.`);
  }
  for (const axes of ['input_axes', 'output_axes']) {
    if (c.kwargs[axes] !== undefined && c.kwargs[axes] !== null) {
      throw new EngineUnsupported(`${show(c)}: ${axes} is not supported by the tfjs engine.`, `Leave ${axes}=None.`);
    }
  }
  return build(c);
}
