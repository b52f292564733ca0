import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../helpers/repo-root.js';
import type { Checksum } from '../forward/deterministic.js';
import type { KerasJson } from './keras-config.js';

/** One layer as Keras reported it (scripts/keras-golden/architectures.py). */
export interface GoldenLayer {
  readonly name: string;
  readonly class_name: string;
  readonly output_shape: KerasJson;
  readonly params: number;
  readonly trainable: boolean;
  readonly trainable_params: number;
  readonly non_trainable_params: number;
  readonly config: { readonly [key: string]: KerasJson };
  /** get_config() keys whose value was a Python tuple (the JSON has lists). */
  readonly tuple_keys: readonly string[];
}

/** One standard architecture: the lines a user types, and what Keras built from them. */
export interface GoldenArchitecture {
  readonly slug: string;
  readonly description: string;
  readonly keras: string;
  readonly lines: readonly string[];
  readonly model_name: string;
  readonly input: { readonly [key: string]: KerasJson } | null;
  readonly layers: readonly GoldenLayer[];
  readonly total_params: number;
  readonly trainable_params: number;
  readonly non_trainable_params: number;
  /** model.summary() stdout keyed by terminal columns ("80", "120"). */
  readonly summaries: { readonly [columns: string]: string };
  /** Keras's forward pass with deterministic weights (scripts/keras-golden/forward.py). */
  readonly forward: GoldenForward;
  /** One SGD step, for a few models. */
  readonly train?: GoldenTrainStep;
}

/** A weight or input given as forward.py's deterministic(seed, shape, scale) values. */
export interface GoldenDeterministic {
  readonly shape: readonly number[];
  readonly seed: number;
  readonly scale: number;
  readonly checksum: Checksum;
}

/** A tensor Keras computed, as base64 little-endian float32. */
export interface GoldenTensor {
  readonly shape: readonly number[];
  readonly values: string;
}

export interface GoldenForward {
  /** Per layer name, its weights in Keras's order (`path` is Keras's variable path). */
  readonly weights: { readonly [layer: string]: readonly (GoldenDeterministic & { readonly path: string })[] };
  readonly input: GoldenDeterministic & {
    readonly dtype: string;
    /** For int inputs: values are round(x * int_scale). */
    readonly int_scale: number | null;
    /** Per sample, the time steps set to mask_value (models starting with Masking). */
    readonly masked_steps: readonly (readonly number[])[];
    readonly mask_value: number | null;
  };
  readonly outputs: readonly GoldenTensor[];
}

export interface GoldenTrainStep {
  readonly loss: string;
  readonly learning_rate: number;
  readonly y: GoldenTensor;
  /** test_on_batch before the step, train_on_batch's own report, test_on_batch after. */
  readonly before: number;
  readonly train_on_batch: number;
  readonly after: number;
}

const HERE = join(repoRoot(), 'test', 'golden', 'architectures');

/** Every committed golden architecture, sorted by slug. */
export function loadGoldenArchitectures(): GoldenArchitecture[] {
  return readdirSync(HERE)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(HERE, f), 'utf8')) as GoldenArchitecture);
}
