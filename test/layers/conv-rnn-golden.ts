import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tuple } from '../../src/layers/arg-builders.js';
import averagePooling1d from '../../src/layers/average-pooling1d.js';
import averagePooling2d from '../../src/layers/average-pooling2d.js';
import conv1d from '../../src/layers/conv1d.js';
import conv2d from '../../src/layers/conv2d.js';
import lstm from '../../src/layers/lstm.js';
import maxPooling1d from '../../src/layers/max-pooling1d.js';
import maxPooling2d from '../../src/layers/max-pooling2d.js';
import simpleRnn from '../../src/layers/simple-rnn.js';
import type { LayerArgs, LayerSpec } from '../../src/layers/types.js';
import type { OutputShape, Shape } from '../../src/core/shape.js';
import type { Value } from '../../src/lang/ast.js';
import { repoRoot } from '../helpers/repo-root.js';

/**
 * Shared by the conv/pool/rnn tests: the golden cases from real Keras
 * (scripts/keras-golden/conv_rnn_shapes.py) and a way to turn one into normalized args without
 * the catalog's resolver: declared defaults overlaid with Keras's own normalized config values.
 */

export interface GoldenCase {
  readonly layer: string;
  readonly kwargs: Record<string, unknown>;
  readonly input_shape: Shape;
  readonly config?: Record<string, unknown>;
  readonly output_shape?: OutputShape;
  readonly weights?: { name: string; shape: number[] }[];
  readonly params?: number;
  readonly error?: { stage: 'construct' | 'call'; message: string };
}

export interface Golden {
  readonly keras_version: string;
  readonly defaults: Record<string, Record<string, unknown>>;
  readonly signatures: Record<string, string[]>;
  readonly conv: GoldenCase[];
  readonly pool: GoldenCase[];
  readonly rnn: GoldenCase[];
}

export const golden = JSON.parse(
  readFileSync(join(repoRoot(), 'test', 'golden', 'conv-rnn-shapes.json'), 'utf8'),
) as Golden;

export const specs: Record<string, LayerSpec> = Object.fromEntries(
  [conv1d, conv2d, maxPooling1d, maxPooling2d, averagePooling1d, averagePooling2d, simpleRnn, lstm].map((s) => [s.className, s]),
);

/** A JSON value from Python as the normalized Value our args hold (int_tuple -> Tuple). */
function normalize(spec: LayerSpec, name: string, value: unknown): Value {
  const decl = spec.args.find((a) => a.name === name);
  if (decl?.kind === 'int_tuple' && value !== null) {
    const items = Array.isArray(value) ? value : Array.from({ length: decl.rank ?? 1 }, () => value);
    return tuple(...(items as number[]));
  }
  return value as Value;
}

/** Declared defaults, then the case's normalized config (or raw kwargs when Keras refused them). */
export function argsFor(c: GoldenCase): LayerArgs {
  const spec = specs[c.layer]!;
  const args: Record<string, Value> = Object.fromEntries(spec.args.map((a) => [a.name, a.default]));
  for (const [name, value] of Object.entries(c.config ?? c.kwargs)) args[name] = normalize(spec, name, value);
  return args;
}

/** Everything a case exercises, in the order the catalog would call it. */
export function runCase(c: GoldenCase): { output: OutputShape; weights: { name: string; shape: number[] }[] } {
  const spec = specs[c.layer]!;
  const args = argsFor(c);
  spec.validate?.(args);
  const output = spec.outputShape(c.input_shape, args);
  const weights = spec.weights(c.input_shape, args).map((w) => ({ name: w.name, shape: [...w.shape] }));
  return { output, weights };
}

/** `Conv2D {"filters":4,...} on (None, 9, 7, 3)`: names a case in test output. */
export function caseTitle(c: GoldenCase): string {
  return `${c.layer} ${JSON.stringify(c.kwargs)} on ${JSON.stringify(c.input_shape)}`;
}
