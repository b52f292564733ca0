import { test } from 'node:test';
import assert from 'node:assert/strict';
import { refused, run, session } from './helpers.js';

// Keras 3.15 get_config() defaults: Adam(0.001, 0.9, 0.999, 1e-07, amsgrad=False), SGD(0.01, 0.0,
// nesterov=False), RMSprop(0.001, rho=0.9, momentum=0.0, 1e-07, centered=False),
// Adagrad(0.001, initial_accumulator_value=0.1, 1e-07); compile()'s default optimizer is rmsprop.
test("compile alone takes Keras's default optimizer and infers loss and metrics from a classification task", async () => {
  const ctx = session();
  const out = await run(ctx, 'load builtin:iris', 'compile');
  assert.match(out, /model\.compile\(optimizer=RMSprop\(learning_rate=0\.001, rho=0\.9, momentum=0\.0, epsilon=1e-07, centered=False\), loss='categorical_crossentropy', metrics=\['accuracy'\]\)/);
  assert.match(out, /optimizer: Keras's default; loss and metrics inferred from the data: classification, 3 classes/);
});

test('regression data infers mse and mae; a binary target with one sigmoid unit infers binary crossentropy', async () => {
  assert.match(await run(session(), 'load builtin:friedman', 'compile optimizer=adam'), /loss='mse', metrics=\['mae'\]\)/);
  assert.match(await run(session(), 'load builtin:circle n=60', "Dense(1, activation='sigmoid')", 'compile'), /loss='binary_crossentropy', metrics=\['accuracy'\]/);
});

test('optimizers by name or call, with every Keras default filled in', async () => {
  const ctx = session();
  assert.match(await run(ctx, 'compile optimizer=Adam(learning_rate=1e-3) loss=mse'), /optimizer=Adam\(learning_rate=0\.001, beta_1=0\.9, beta_2=0\.999, epsilon=1e-07, amsgrad=False\)/);
  assert.match(await run(ctx, 'compile optimizer=sgd loss=mse'), /optimizer=SGD\(learning_rate=0\.01, momentum=0\.0, nesterov=False\)/);
  assert.match(await run(ctx, 'compile optimizer=SGD(learning_rate=0.1, momentum=0.9, nesterov=True) loss=mse'), /SGD\(learning_rate=0\.1, momentum=0\.9, nesterov=True\)/);
  assert.match(await run(ctx, "compile optimizer='adagrad' loss=mae metrics=[mse]"), /Adagrad\(learning_rate=0\.001, initial_accumulator_value=0\.1, epsilon=1e-07\), loss='mae', metrics=\['mse'\]/);
  assert.match(await run(ctx, 'compile rmsprop huber'), /RMSprop\(.*\), loss='huber'/);
});

test('without data the loss follows the last activation', async () => {
  const out = await run(session(), 'Input(shape=(4,))', "Dense(3, activation='softmax')", 'compile');
  assert.match(out, /loss='categorical_crossentropy', metrics=\['accuracy'\]/);
  assert.match(out, /inferred from the last layer/);
});

test('unknown names are refused with the closest Keras name', async () => {
  const ctx = session();
  assert.match(await refused(ctx, 'compile optimizer=adamm'), /Unknown optimizer 'adamm'\. Did you mean 'Adam'\?/);
  assert.match(await refused(ctx, 'compile loss=categorical_crossentropyy'), /Could not interpret loss identifier: categorical_crossentropyy\. Did you mean 'categorical_crossentropy'\?/);
  assert.match(await refused(ctx, 'compile loss=mse metrics=[auc]'), /keeps state across batches/);
  assert.match(await refused(ctx, 'compile optimizer=Adam(lr=0.1) loss=mse'), /Adam\(\) got an unexpected keyword argument 'lr'/);
  assert.match(await refused(ctx, 'compile optimizer=adam loss=mse jit=True'), /compile takes no jit=/);
});
