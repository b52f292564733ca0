import { formatPythonShape } from '../core/shape.js';
import type { Value } from '../lang/ast.js';
import { arg, required, tuple } from './arg-builders.js';
import {
  fillDataFormat, isChannelsFirst, joinSpatial, requirePositiveInts, requirePositiveOutput, requireSpatialRank, splitSpatial,
  tupleInts, windowOutputLength,
} from './conv-shapes.js';
import type { ArgSpec, LayerArgs, LayerSpec } from './types.js';
import type { Shape } from '../core/shape.js';

/**
 * What MaxPooling1D/2D and AveragePooling1D/2D share (Keras's BasePooling): the four arguments
 * and the window arithmetic. Pooling has no weights.
 */

/** Keras shows `strides=None` as the pool size in get_config(); callers use this to do the same. */
export function effectivePoolStrides(args: LayerArgs, rank: number): number[] {
  const strides = args.strides;
  return tupleInts(strides === null || strides === undefined ? args.pool_size! : strides, rank);
}

/**
 * The pooling arguments in Keras signature order. `defaultPoolSize` null means required
 * (AveragePooling in Keras 3 has no default pool_size; MaxPooling defaults to 2).
 */
export function poolingArgs(rank: number, defaultPoolSize: number | null): ArgSpec[] {
  const poolDoc = `Factors by which to downscale: int or tuple of ${rank} integers.`;
  const poolSize: ArgSpec =
    defaultPoolSize === null
      ? required('pool_size', 'int_tuple', poolDoc, { rank })
      : arg('pool_size', 'int_tuple', tuple(...Array.from({ length: rank }, (): Value => defaultPoolSize)), poolDoc, { rank });
  return [
    poolSize,
    arg('strides', 'int_tuple', null, 'Strides of the pooling window; None means pool_size.', { rank, nullable: true }),
    arg('padding', 'choice', 'valid', '"valid" means no padding; "same" pads evenly so the output is ceil(input / strides).', { choices: ['valid', 'same'] }),
    arg('data_format', 'choice', 'channels_last', 'Ordering of the input dimensions: "channels_last" or "channels_first".', { choices: ['channels_last', 'channels_first'], nullable: true }),
  ];
}

/**
 * Keras stores `strides=None` as the pool size, so get_config() (and thus our normalized args)
 * shows `strides=(2, 2)`. LayerSpec has no hook for normalizing one argument from another, and
 * resolve hands `validate` the args object it has just built, so the value is completed there.
 * A frozen object is left alone; `effectivePoolStrides` copes with None either way.
 */
function fillStridesFromPoolSize(args: LayerArgs): void {
  if ((args.strides === null || args.strides === undefined) && !Object.isFrozen(args)) {
    (args as Record<string, Value>).strides = args.pool_size!;
  }
}

export const poolingPositional = ['pool_size', 'strides', 'padding', 'data_format'] as const;

/** validate/outputShape/weights/flops for a pooling layer with `rank` spatial axes. */
export function pooling(className: string, rank: number): Pick<LayerSpec, 'validate' | 'outputShape' | 'weights' | 'flops'> {
  return {
    validate(args) {
      requirePositiveInts(args, ['pool_size', 'strides'], rank);
      fillStridesFromPoolSize(args);
      fillDataFormat(args);
    },
    outputShape(input: Shape, args: LayerArgs): Shape {
      const first = isChannelsFirst(args);
      requireSpatialRank(className, input, rank, first);
      const parts = splitSpatial(input, first);
      const pool = tupleInts(args.pool_size!, rank);
      const strides = effectivePoolStrides(args, rank);
      const padding = String(args.padding);
      const spatial = parts.spatial.map((d, i) => windowOutputLength(d, pool[i]!, strides[i]!, 1, padding));
      const details = `pool_size=${formatPythonShape(pool)}, strides=${formatPythonShape(strides)} and padding='${padding}'`;
      requirePositiveOutput(className, input, spatial, details, 'pool_size');
      return joinSpatial({ ...parts, spatial }, first);
    },
    weights: () => [],
    // Pooling does comparisons or additions, not multiply-adds: reported as 0.
    flops: () => 0,
  };
}
