import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
}

const HERE = dirname(fileURLToPath(import.meta.url));

/** Every committed golden architecture, sorted by slug. */
export function loadGoldenArchitectures(): GoldenArchitecture[] {
  return readdirSync(HERE)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(HERE, f), 'utf8')) as GoldenArchitecture);
}
