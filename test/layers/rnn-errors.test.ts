import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Shape } from '../../src/core/shape.js';
import { argsFor, specs } from './conv-rnn-golden.js';

/** SimpleRNN/LSTM: rank and stateful errors, argument checks, state shapes and flops. */

function rnn(layer: string, kwargs: Record<string, unknown>) {
  const spec = specs[layer]!;
  const args = argsFor({ layer, kwargs, input_shape: [] });
  return { spec, args, shape: (input: Shape) => spec.outputShape(input, args) };
}

test('a flat input gets a Reshape to timesteps of one feature', () => {
  assert.throws(() => rnn('LSTM', { units: 4 }).shape([null, 64]), {
    message: 'LSTM expects a 3-D input (batch, timesteps, features); got (None, 64).',
    hint: 'Add Reshape((64, 1)) before it to read the 64 values as timesteps of 1 feature.',
  });
  assert.throws(() => rnn('SimpleRNN', { units: 4 }).shape([null, 28, 28, 1]), {
    message: 'SimpleRNN expects a 3-D input (batch, timesteps, features); got (None, 28, 28, 1).',
    hint: 'Add Reshape((28, 28)) before it to read each row as one timestep.',
  });
});

test('stateful=True needs a fixed batch size, with Keras words', () => {
  assert.throws(() => rnn('LSTM', { units: 4, stateful: true }).shape([null, 6, 3]), {
    message: 'When using `stateful=True` in a RNN, the batch size must be static. Found dynamic batch size: sequence.shape=(None, 6, 3)',
    hint: 'Give the Input a batch size, e.g. Input(shape=(6, 3), batch_size=32).',
  });
  assert.deepEqual(rnn('LSTM', { units: 4, stateful: true }).shape([16, 6, 3]), [16, 4]);
});

test('units must be positive; use_cudnn is auto, True or False', () => {
  const zero = rnn('SimpleRNN', { units: 0 });
  assert.throws(() => zero.spec.validate!(zero.args), { message: 'Received an invalid value for argument `units`, expected a positive integer, got 0.' });
  const cudnn = rnn('LSTM', { units: 2, use_cudnn: 'yes' });
  assert.throws(() => cudnn.spec.validate!(cudnn.args), /Expected one of \{'auto', True, False\}. Received: use_cudnn=yes/);
  for (const ok of ['auto', true, false]) {
    const l = rnn('LSTM', { units: 2, use_cudnn: ok });
    l.spec.validate!(l.args);
  }
});

test('return_state lists the output then the states: LSTM [output, h, c], SimpleRNN [output, h]', () => {
  assert.deepEqual(rnn('LSTM', { units: 5, return_sequences: true, return_state: true }).shape([null, null, 3]), [[null, null, 5], [null, 5], [null, 5]]);
  assert.deepEqual(rnn('SimpleRNN', { units: 5, return_state: true }).shape([null, 7, 3]), [[null, 5], [null, 5]]);
});

test('an unknown feature axis cannot size the kernel', () => {
  assert.throws(() => rnn('LSTM', { units: 4 }).spec.weights([null, 6, null], rnn('LSTM', { units: 4 }).args), /known feature dimension/);
});

test('flops: timesteps x gates x units x (features + units); 0 when timesteps are unknown', () => {
  const l = rnn('LSTM', { units: 8 });
  assert.equal(l.spec.flops!([null, 10, 3], l.shape([null, 10, 3]), l.args), 10 * 4 * 8 * (3 + 8));
  const s = rnn('SimpleRNN', { units: 8 });
  assert.equal(s.spec.flops!([null, 10, 3], s.shape([null, 10, 3]), s.args), 10 * 8 * (3 + 8));
  assert.equal(s.spec.flops!([null, null, 3], s.shape([null, null, 3]), s.args), 0);
});

test("LSTM's Keras 3 defaults that tfjs does not share", () => {
  const args = rnn('LSTM', { units: 2 }).args;
  assert.equal(args.recurrent_activation, 'sigmoid');
  assert.equal(args.unit_forget_bias, true);
  assert.equal(args.implementation, 2);
  assert.equal(args.use_cudnn, 'auto');
});
