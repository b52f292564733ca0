import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel, checkSupported, EngineUnsupported } from '../../src/engine/index.js';
import type { ModelPlan } from '../../src/layers/types.js';
import { kerasLayer, kerasPlan } from './keras-plans.js';

function messages(plan: ModelPlan): string[] {
  return checkSupported(plan).map((p) => p.message);
}

test('arguments tfjs cannot honour are refused with the layer, the argument and why', () => {
  assert.deepEqual(messages(kerasPlan([null, 8, 8, 4], ['Conv2D(4, 3, groups=2)'])), [
    "Conv2D 'conv2d': groups=2 is not supported: tfjs has no grouped convolutions.",
  ]);
  assert.deepEqual(messages(kerasPlan([null, 5, 3], ['SimpleRNN(4, stateful=True)'])), [
    "SimpleRNN 'simple_rnn': stateful=True is not supported: klayers keeps no state between batches.",
  ]);
  // The catalog refuses lora_rank itself; the engine still guards plans built another way.
  const dense = kerasLayer('Dense(4)');
  const lora: ModelPlan = { ...kerasPlan([null, 3], []), layers: [{ ...dense, args: { ...dense.args, lora_rank: 2 } }] };
  assert.deepEqual(messages(lora), [
    "Dense 'dense': lora_rank=2 is not supported: tfjs has no LoRA kernels.",
  ]);
  const [untruncated] = messages(kerasPlan([null, 3], ["Dense(4, kernel_initializer=initializers.VarianceScaling(distribution='untruncated_normal'))"]));
  assert.match(untruncated!, /^Dense 'dense': VarianceScaling\(.*distribution='untruncated_normal' is not supported/);
});

test('a plan the engine supports has no problems, and each problem carries a hint', () => {
  assert.deepEqual(messages(kerasPlan([null, 10, 3], ["Conv1D(4, 3, padding='causal', dilation_rate=2)", 'LSTM(8)', 'Dropout(0.2, seed=1)', 'Dense(1)'])), []);
  const [problem] = checkSupported(kerasPlan([null, 8, 8, 4], ['Conv2D(4, 3, groups=2)']));
  assert.ok(problem instanceof EngineUnsupported);
  assert.ok(problem.hint && problem.hint.length > 0);
});

test('only the last layer may return several tensors (return_state=True)', () => {
  const plan: ModelPlan = { ...kerasPlan([null, 5, 3], []), layers: [kerasLayer('LSTM(4, return_state=True)'), kerasLayer('Dense(1)')] };
  assert.match(messages(plan)[0]!, /^LSTM 'lstm': return_state=True gives several outputs/);
});

test('input dtypes tfjs has no tensors for are refused; building throws the first problem', async () => {
  const plan = { ...kerasPlan([null, 3], ['Dense(1)']), inputDtype: 'float64' };
  assert.match(messages(plan)[0]!, /^Input: dtype='float64' is not supported/);
  await assert.rejects(buildModel(plan), (e: unknown) => e instanceof EngineUnsupported && /float64/.test(e.message));
});

test('a model without an input shape cannot be built yet, and says how to fix it', async () => {
  const plan = { ...kerasPlan([null, 3], ['Dense(1)']), inputShape: null };
  await assert.rejects(buildModel(plan), (e: unknown) => e instanceof EngineUnsupported && /keras\.Input/.test(e.hint ?? ''));
});

test("Keras 2's input_shape= on the first layer gives the model its input when the plan has none", async () => {
  const plan = { ...kerasPlan([null, 3], ['Dense(2, input_shape=(784,))']), inputShape: null };
  const model = await buildModel(plan);
  assert.deepEqual(model.inputs[0]!.shape, [null, 784]);
  model.dispose();
});
