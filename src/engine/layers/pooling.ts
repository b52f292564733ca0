/** MaxPooling1D/2D and AveragePooling1D/2D (Keras: `strides=None` means `pool_size`). */
import * as tf from '../backend/tf.js';
import type { PlannedLayer } from '../../layers/types.js';
import { ints, optionalInts, str } from '../keras/args.js';
import { WrappedLayer } from '../keras/wrapped-layer.js';
import { dataFormat, refuseBaseArgs, type LayerBuilder } from './common.js';
import { useArgmaxPool } from './max-pool-argmax.js';

type PoolFactory = (args: Record<string, unknown>) => tf.layers.Layer;

function poolBuilder(rank: 1 | 2, factory: PoolFactory): LayerBuilder {
  return {
    refuse: (layer: PlannedLayer) => refuseBaseArgs(layer),
    build(layer) {
      const pool = ints(layer.args, 'pool_size', rank, 2);
      const strides = optionalInts(layer.args, 'strides', rank) ?? pool;
      const channelsFirst = dataFormat(layer) === 'channelsFirst';
      // tfjs's 1-D pooling ignores channelsFirst, so it runs channels-last inside a wrapper.
      const wrap = rank === 1 && channelsFirst;
      const inner = factory({
        name: layer.name,
        poolSize: rank === 1 ? pool[0] : pool,
        strides: rank === 1 ? strides[0] : strides,
        padding: str(layer.args, 'padding', 'valid'),
        ...(rank === 2 ? { dataFormat: dataFormat(layer) } : {}),
      });
      return wrap ? new WrappedLayer({ name: layer.name, inner, channelsFirst: true }) : inner;
    },
  };
}

export const POOLING_BUILDERS: Record<string, LayerBuilder> = {
  MaxPooling1D: poolBuilder(1, (a) => tf.layers.maxPooling1d(a)),
  MaxPooling2D: poolBuilder(2, (a) => useArgmaxPool(tf.layers.maxPooling2d(a))),
  AveragePooling1D: poolBuilder(1, (a) => tf.layers.averagePooling1d(a)),
  AveragePooling2D: poolBuilder(2, (a) => tf.layers.averagePooling2d(a)),
};
