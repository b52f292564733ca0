/**
 * Training speed (samples/s, batch 32, Adam, one timed epoch after a warm-up epoch) for three
 * reference models on every backend that loads, each measured twice in the same process: through
 * klayers' own fit (the plan typed into a session, trained by `trainingApi.fit` with no listener,
 * as `klayers replay` runs it: Keras's Adam, FitRun's bookkeeping, arrays made tensors per fit)
 * and as a bare tfjs script: the same model written with tf.layers, trained by tfjs's model.fit.
 * Where Python Keras 3 is installed, the same models in Keras (JAX backend) are the outside
 * reference.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as tf from '../src/engine/backend/tf.js';
import { createContext } from '../src/commands/context.js';
import { executeLine } from '../src/commands/execute.js';
import { chooseTrainingBackend, initBackend, trainingApi, type BackendName } from '../src/engine/index.js';
import type { FitSpec } from '../src/engine/train/types.js';
import type { ModelSlot } from '../src/engine/build/model-store.js';
import type { ArraySplit } from '../src/core/training.js';
import type { ModelPlan } from '../src/layers/types.js';

const BATCH = 32;
const PYTHON = process.env['KLAYERS_KERAS_PYTHON'] ?? '/tmp/kvenv/bin/python';

/** One reference model: as typed into klayers, as bare tf.layers, and its data. */
interface ReferenceModel {
  readonly name: string;
  /** Key in the Keras script's output. */
  readonly key: string;
  readonly lines: readonly string[];
  readonly bare: () => tf.LayersModel;
  readonly inputShape: readonly number[];
  /** > 1: one-hot classes with categorical crossentropy; 1: a regression target with mse. */
  readonly classes: number;
  /** Rows per epoch on each backend: enough for a steady rate, few enough for cpu's CNN (~50/s). */
  readonly samples: Readonly<Record<BackendName, number>>;
}

const REFERENCE_MODELS: readonly ReferenceModel[] = [
  {
    name: 'MLP 20-64-32-3 (table)',
    key: 'mlp',
    lines: ['keras.Input(shape=(20,))', "Dense(64, activation='relu')", "Dense(32, activation='relu')", "Dense(3, activation='softmax')"],
    bare: () =>
      tf.sequential({
        layers: [
          tf.layers.dense({ units: 64, activation: 'relu', inputShape: [20] }),
          tf.layers.dense({ units: 32, activation: 'relu' }),
          tf.layers.dense({ units: 3, activation: 'softmax' }),
        ],
      }),
    inputShape: [20],
    classes: 3,
    samples: { tensorflow: 10_000, wasm: 10_000, cpu: 10_000 },
  },
  {
    name: 'CNN Conv8-Pool-Dense10 28x28',
    key: 'cnn',
    lines: ['keras.Input(shape=(28, 28, 1))', 'Conv2D(8, 3)', 'MaxPooling2D()', 'Flatten()', "Dense(10, activation='softmax')"],
    bare: () =>
      tf.sequential({
        layers: [
          tf.layers.conv2d({ filters: 8, kernelSize: 3, inputShape: [28, 28, 1] }),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          tf.layers.flatten(),
          tf.layers.dense({ units: 10, activation: 'softmax' }),
        ],
      }),
    inputShape: [28, 28, 1],
    classes: 10,
    samples: { tensorflow: 4096, wasm: 2048, cpu: 128 },
  },
  {
    name: 'LSTM(32) on 20x8',
    key: 'lstm',
    lines: ['keras.Input(shape=(20, 8))', 'LSTM(32)', 'Dense(1)'],
    // Keras's recurrent_activation (sigmoid), which klayers uses, rather than tfjs's hardSigmoid.
    bare: () =>
      tf.sequential({
        layers: [tf.layers.lstm({ units: 32, recurrentActivation: 'sigmoid', inputShape: [20, 8] }), tf.layers.dense({ units: 1 })],
      }),
    inputShape: [20, 8],
    classes: 1,
    samples: { tensorflow: 4096, wasm: 1024, cpu: 256 },
  },
];

/** The same models and timing (warm-up, best of two epochs) in Keras 3; prints {"mlp": samples/s, ...}. */
const KERAS_SCRIPT = `
import json, time
import numpy as np, keras
from keras import layers
rng = np.random.default_rng(0)
def rate(shape, body, n, classes):
    model = keras.Sequential([keras.Input(shape=shape), *body])
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss='categorical_crossentropy' if classes > 1 else 'mse')
    x = rng.standard_normal((n, *shape)).astype('float32')
    y = keras.utils.to_categorical(rng.integers(0, classes, n), classes) if classes > 1 else rng.standard_normal((n, 1)).astype('float32')
    model.fit(x, y, batch_size=${BATCH}, epochs=1, verbose=0)
    best = 0
    for _ in range(2):
        start = time.perf_counter()
        model.fit(x, y, batch_size=${BATCH}, epochs=1, verbose=0)
        best = max(best, n / (time.perf_counter() - start))
    return best
print(json.dumps({
    'mlp': rate((20,), [layers.Dense(64, activation='relu'), layers.Dense(32, activation='relu'), layers.Dense(3, activation='softmax')], 10000, 3),
    'cnn': rate((28, 28, 1), [layers.Conv2D(8, 3), layers.MaxPooling2D(), layers.Flatten(), layers.Dense(10, activation='softmax')], 4096, 10),
    'lstm': rate((20, 8), [layers.LSTM(32), layers.Dense(1)], 4096, 1),
}))
`;

/** The model typed line by line into a fresh session, as a user would. */
async function planFromSession(lines: readonly string[]): Promise<ModelPlan> {
  const ctx = createContext({ columns: 100, backend: 'cpu' });
  for (const line of lines) {
    const result = await executeLine(ctx, line);
    if (!result.ok) throw new Error(`bench model line refused: ${line}`);
  }
  return ctx.session.model.plan();
}

/** Samples/s of one epoch of tfjs's `model.fit` on (x, y). */
async function epochRate(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor): Promise<number> {
  const started = performance.now();
  await model.fit(x, y, { epochs: 1, batchSize: BATCH, verbose: 0 });
  return x.shape[0]! / ((performance.now() - started) / 1000);
}

/** One epoch of klayers' fit per call, continuing the session's model (as a later `fit` does). */
function klayersFit(ref: ReferenceModel, plan: ModelPlan, x: tf.Tensor, y: tf.Tensor): { spec: () => FitSpec; key: ModelSlot } {
  const key: ModelSlot = { entry: null };
  const train: ArraySplit = { x: x.dataSync() as Float32Array, y: y.dataSync() as Float32Array, size: x.shape[0]!, xShape: ref.inputShape, yShape: y.shape.slice(1) };
  let epochsRun = 0;
  const spec = (): FitSpec => ({
    slot: key,
    plan,
    compile: { optimizer: { className: 'Adam', config: { learning_rate: 1e-3, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false } }, loss: ref.classes > 1 ? 'categorical_crossentropy' : 'mean_squared_error', metrics: [] },
    train,
    validation: null,
    epochs: 1,
    batchSize: BATCH,
    shuffle: true,
    classWeight: null,
    patience: null,
    firstEpoch: epochsRun++,
    random: null,
    hooks: null,
  });
  return { spec, key };
}

/** Samples/s of one epoch of klayers' fit. */
async function klayersEpochRate(fit: { spec: () => FitSpec }, samples: number): Promise<number> {
  const started = performance.now();
  await trainingApi.fit(fit.spec());
  return samples / ((performance.now() - started) / 1000);
}

/** The bare tf.layers model, without tfjs's Orthogonal "Slowness may result" warning. */
function quietBare(ref: ReferenceModel): tf.LayersModel {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return ref.bare();
  } finally {
    console.warn = warn;
  }
}

interface Row {
  readonly model: string;
  readonly backend: string;
  readonly samples: number;
  readonly klayers: number;
  readonly bare: number;
}

/**
 * Both models get a warm-up epoch, then timed epochs alternate bare, klayers, bare, klayers on the
 * same data, and the better epoch of each counts, so neither gains from running second.
 */
async function measureModel(backend: BackendName, ref: ReferenceModel, plan: ModelPlan): Promise<Row> {
  const samples = ref.samples[backend];
  const x = tf.randomNormal([samples, ...ref.inputShape]);
  const y = ref.classes > 1 ? tf.oneHot(tf.randomUniformInt([samples], 0, ref.classes), ref.classes) : tf.randomNormal([samples, 1]);
  const bare = quietBare(ref);
  const klayers = klayersFit(ref, plan, x, y);
  try {
    bare.compile({ optimizer: tf.train.adam(1e-3), loss: ref.classes > 1 ? 'categoricalCrossentropy' : 'meanSquaredError' });
    await epochRate(bare, x, y);
    await klayersEpochRate(klayers, samples);
    const best = { bare: 0, klayers: 0 };
    for (let round = 0; round < 2; round++) {
      best.bare = Math.max(best.bare, await epochRate(bare, x, y));
      best.klayers = Math.max(best.klayers, await klayersEpochRate(klayers, samples));
    }
    return { model: ref.name, backend, samples, ...best };
  } finally {
    bare.dispose();
    trainingApi.forget(klayers.key);
    tf.dispose([x, y]);
  }
}

/** The same three models in Keras 3 (JAX), or a note saying why not. */
function kerasReference(): Record<string, number> | string {
  if (!existsSync(PYTHON)) return `Keras reference skipped: no Python at ${PYTHON} (set KLAYERS_KERAS_PYTHON)`;
  const child = spawnSync(PYTHON, ['-c', KERAS_SCRIPT], {
    encoding: 'utf8',
    env: { ...process.env, KERAS_BACKEND: 'jax', TF_CPP_MIN_LOG_LEVEL: '3' },
    timeout: 240_000,
  });
  const last = child.stdout?.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !last.startsWith('{')) return `Keras reference skipped: ${(child.stderr || String(child.error)).trim().split('\n').at(-1)}`;
  return JSON.parse(last) as Record<string, number>;
}

const rate = (n: number) => Math.round(n).toLocaleString('en-US').padStart(9);

function printTable(rows: readonly Row[], keras: Record<string, number> | string): void {
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(`${'model'.padEnd(28)} ${'backend'.padEnd(8)} ${'samples'.padStart(7)} ${'klayers/s'.padStart(9)} ${'bare/s'.padStart(9)}  klayers÷bare`);
  for (const r of rows) {
    out(`${r.model.padEnd(28)} ${r.backend.padEnd(8)} ${String(r.samples).padStart(7)} ${rate(r.klayers)} ${rate(r.bare)}  ${(r.klayers / r.bare).toFixed(2)}`);
  }
  if (typeof keras === 'string') {
    out(keras);
    return;
  }
  out(`\nKeras 3 (JAX backend, same models and batch) as the outside reference:`);
  for (const ref of REFERENCE_MODELS) {
    const best = rows.filter((r) => r.model === ref.name).sort((a, b) => b.klayers - a.klayers)[0];
    const k = keras[ref.key] ?? NaN;
    out(`${ref.name.padEnd(28)} keras    ${rate(k)} samples/s; klayers' best (${best?.backend}) is ${best ? (best.klayers / k).toFixed(2) : '?'}× Keras`);
  }
}

export default async function trainBench(): Promise<void> {
  const plans = await Promise.all(REFERENCE_MODELS.map((m) => planFromSession(m.lines)));
  process.stdout.write(
    "klayers: model typed into a session, trained by klayers' own fit (trainingApi.fit, no listener: replay's path);\n" +
      "  bare: the same model written with tf.layers, trained by tfjs's model.fit.\n" +
      `Batch ${BATCH}, Adam(1e-3), shuffled; after a warm-up epoch each, the better of two alternating timed epochs.\n\n`,
  );
  const rows: Row[] = [];
  for (const backend of ['tensorflow', 'wasm', 'cpu'] as const) {
    try {
      await initBackend(backend);
    } catch {
      process.stdout.write(`${backend}: not available (${backend === 'tensorflow' ? "native TensorFlow is not set up: run 'klayers native setup'" : 'failed to start'})\n`);
      continue;
    }
    for (const [i, ref] of REFERENCE_MODELS.entries()) rows.push(await measureModel(backend, ref, plans[i]!));
  }
  await initBackend('auto');
  const picks = [];
  for (const [i, ref] of REFERENCE_MODELS.entries()) picks.push(`${ref.key} → ${(await chooseTrainingBackend(plans[i]!)).name}`);
  process.stdout.write(`\nbackend auto trains: ${picks.join(', ')}\n\n`);
  printTable(rows, kerasReference());
}
