/**
 * SimpleRNN and LSTM. Keras defaults travel in the args (LSTM `recurrent_activation='sigmoid'`,
 * `unit_forget_bias=True`), so tfjs's different defaults (hardSigmoid, no forget bias) never apply.
 * `unroll` and `use_cudnn` only choose how Keras computes the same numbers, so they are accepted
 * and not passed on (tfjs would print a warning for `unroll`). `seed` is not passed for the same
 * reason as Dropout's: a fixed tfjs seed would freeze the dropout masks.
 */
import * as tf from '../backend/tf.js';
import type { PlannedLayer } from '../../layers/types.js';
import { bool, num } from '../keras/args.js';
import { fusedLstmCovers, useFusedLstm } from './fused-lstm.js';
import { fusedSimpleRnnCovers, useFusedSimpleRnn } from './fused-simple-rnn.js';
import { ownOps } from './direct.js';
import { activationOf, refuseBaseArgs, refuseObjects, refuseUnless, weightConfig, type LayerBuilder } from './common.js';

const PREFIXES = ['kernel', 'recurrent', 'bias'];


function refuseRecurrent(layer: PlannedLayer, activations: readonly string[]) {
  return [
    ...refuseBaseArgs(layer),
    ...refuseObjects(layer, PREFIXES, activations),
    ...refuseUnless(
      layer,
      'stateful',
      ['False'],
      'klayers keeps no state between batches',
      'Remove stateful=True; feed whole sequences instead.',
    ),
    ...refuseUnless(layer, 'zero_output_for_mask', ['False'], 'tfjs repeats the last output at masked steps', 'Remove zero_output_for_mask=True.'),
  ];
}

function recurrentConfig(layer: PlannedLayer) {
  const a = layer.args;
  return {
    name: layer.name,
    units: num(a, 'units', 1),
    activation: activationOf(layer, 'activation', 'tanh'),
    ...weightConfig(layer, PREFIXES),
    dropout: num(a, 'dropout', 0),
    recurrentDropout: num(a, 'recurrent_dropout', 0),
    returnSequences: bool(a, 'return_sequences', false),
    returnState: bool(a, 'return_state', false),
    goBackwards: bool(a, 'go_backwards', false),
  };
}

/**
 * tfjs creates an RNN's weights on its cell, so their regularizer penalties sit in the cell's
 * losses, which the model never asks for; Keras counts them in the training loss. The RNN
 * reports its cell's penalties as its own.
 */
function withCellLosses(layer: tf.layers.Layer): tf.layers.Layer {
  const rnn = layer as tf.layers.Layer & { cell: tf.layers.Layer };
  const own = rnn.calculateLosses.bind(rnn);
  rnn.calculateLosses = () => [...own(), ...rnn.cell.calculateLosses()];
  return rnn;
}

const simpleRnn: LayerBuilder = {
  refuse: (layer) => refuseRecurrent(layer, ['activation']),
  build: (layer) => {
    const built = withCellLosses(tf.layers.simpleRNN(recurrentConfig(layer) as Parameters<typeof tf.layers.simpleRNN>[0]));
    return ownOps() && fusedSimpleRnnCovers(layer.args) ? useFusedSimpleRnn(built) : built;
  },
};

const lstm: LayerBuilder = {
  refuse: (layer) => refuseRecurrent(layer, ['activation', 'recurrent_activation']),
  build: (layer) => {
    const built = withCellLosses(
      tf.layers.lstm({
        ...recurrentConfig(layer),
        recurrentActivation: activationOf(layer, 'recurrent_activation', 'sigmoid'),
        unitForgetBias: bool(layer.args, 'unit_forget_bias', true),
      } as Parameters<typeof tf.layers.lstm>[0]),
    );
    return ownOps() && fusedLstmCovers(layer.args) ? useFusedLstm(built) : built;
  },
};

export const RECURRENT_BUILDERS: Record<string, LayerBuilder> = {
  SimpleRNN: simpleRnn,
  LSTM: lstm,
};
