/**
 * `npm run bench -- peers`: klayers against the tools its users would otherwise pick, in one run
 * with interleaved rounds (klayers on each backend, then Keras 3 on TensorFlow and on JAX, then
 * PyTorch, then again), on the five reference models at batch 32 and 128, training and predict.
 * klayers is timed through its own fit and predict (trainingApi, replay's path); the peers run in
 * bench/peers.py, one child each, when KLAYERS_PEER_PYTHON names a Python with keras,
 * tensorflow, jax and torch. Prints the median samples/s (± half the min–max range) per cell and
 * klayers' best backend ÷ each peer, with the range over rounds.
 */
import { existsSync } from 'node:fs';
import seedrandom from 'seedrandom';
import { createContext } from '../src/commands/context.js';
import { executeLine } from '../src/commands/execute.js';
import { initBackend, trainingApi, type BackendName } from '../src/engine/index.js';
import type { ModelSlot } from '../src/engine/build/model-store.js';
import type { ArraySplit } from '../src/core/training.js';
import type { ModelPlan } from '../src/layers/types.js';
import { PEER_MODELS, type PeerModel } from './peer-models.js';
import { PythonPeer } from './peer-python.js';
import { formatRate, formatRatio, median } from './peer-stats.js';

/** KLAYERS_PEER_MODELS=mlp,cnn measures only those (keys of bench/peer-models.ts). */
const MODELS = PEER_MODELS.filter((m) => (process.env['KLAYERS_PEER_MODELS'] ?? m.key).split(',').includes(m.key));
const ROUNDS = Number(process.env['KLAYERS_PEER_ROUNDS'] ?? 3);
const BATCHES = [32, 128] as const;
const MODES = ['train', 'predict'] as const;
/** Each measurement repeats epochs (or predicts) until this long has passed. */
const MIN_SECONDS = Number(process.env['KLAYERS_PEER_MIN_SECONDS'] ?? 1);
/** A cell whose warm-up epoch takes longer is not measured (cpu on the big models). */
const SLOW_SECONDS = 20;
const ADAM = { className: 'Adam', config: { learning_rate: 1e-3, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false } } as const;

type Mode = (typeof MODES)[number];
interface Runner {
  readonly name: string;
  measure(model: PeerModel, batch: number, mode: Mode): Promise<number | string>;
  close(): void;
}

/** The model typed line by line into a fresh session, as a user would. */
async function planOf(model: PeerModel): Promise<ModelPlan> {
  const ctx = createContext({ columns: 100, backend: 'cpu' });
  for (const line of model.lines) if (!(await executeLine(ctx, line)).ok) throw new Error(`bench model line refused: ${line}`);
  return ctx.session.model.plan();
}

/** Seeded synthetic data of the model's shapes: normal-ish x, one-hot classes or a regression target. */
function dataOf(model: PeerModel): ArraySplit {
  const random = seedrandom.alea(`peers-${model.key}`);
  const size = model.rows;
  const x = Float32Array.from({ length: size * model.inputShape.reduce((a, b) => a * b, 1) }, () => random() + random() + random() - 1.5);
  const y = new Float32Array(size * model.classes);
  for (let i = 0; i < size; i++) {
    if (model.classes > 1) y[i * model.classes + Math.floor(random() * model.classes)] = 1;
    else y[i] = random() - 0.5;
  }
  return { x, y, size, xShape: model.inputShape, yShape: [model.classes] };
}

/** Runs `work` untimed once, then until MIN_SECONDS pass; samples/s, or a note when too slow. */
async function rate(rows: number, work: () => Promise<unknown>, warm: Set<string>, cell: string): Promise<number | string> {
  if (!warm.has(cell)) {
    const started = performance.now();
    await work();
    if (performance.now() - started > SLOW_SECONDS * 1000) return `slow (>${SLOW_SECONDS}s)`;
    warm.add(cell);
  }
  let runs = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    await work();
    runs++;
    elapsed = (performance.now() - started) / 1000;
  } while (elapsed < MIN_SECONDS);
  return (rows * runs) / elapsed;
}

/** klayers on one backend: one session model per model and batch, trained by its own fit. */
function klayersRunner(backend: BackendName, plans: Map<string, ModelPlan>, data: Map<string, ArraySplit>): Runner {
  const slots = new Map<string, ModelSlot>();
  const warm = new Set<string>();
  const slow = new Set<string>();
  let epoch = 0;
  return {
    name: `klayers-${backend}`,
    async measure(model, batch, mode) {
      const cell = `${model.key}/${batch}/${mode}`;
      if (slow.has(cell)) return 'slow';
      await initBackend(backend);
      const plan = plans.get(model.key)!;
      const train = data.get(model.key)!;
      const slot = slots.get(`${model.key}/${batch}`) ?? { entry: null };
      slots.set(`${model.key}/${batch}`, slot);
      const work =
        mode === 'train'
          ? () =>
              trainingApi.fit({
                slot, plan, train, validation: null, epochs: 1, batchSize: batch, shuffle: true, classWeight: null, patience: null, firstEpoch: epoch++, random: null, hooks: null,
                compile: { optimizer: ADAM, loss: model.classes > 1 ? 'categorical_crossentropy' : 'mean_squared_error', metrics: [] },
              })
          : () => trainingApi.predict(slot, plan, train.x, train.size, train.xShape, null);
      const result = await rate(train.size, work, warm, cell);
      if (typeof result === 'string') slow.add(cell);
      return result;
    },
    close() {
      for (const slot of slots.values()) trainingApi.forget(slot);
    },
  };
}

async function pythonRunner(python: string, name: string, kind: 'keras' | 'torch', kerasBackend?: string): Promise<Runner | string> {
  const peer = new PythonPeer(python, kind, kerasBackend);
  try {
    const version = await peer.ready();
    process.stdout.write(`${name}: ${version}\n`);
  } catch (error) {
    peer.close();
    return `${name}: not available (${error instanceof Error ? error.message : String(error)})`;
  }
  return {
    name,
    measure: (model, batch, mode) => peer.measure({ model: model.key, batch, mode, rows: model.rows, min_seconds: MIN_SECONDS }),
    close: () => peer.close(),
  };
}

async function runners(plans: Map<string, ModelPlan>, data: Map<string, ArraySplit>): Promise<Runner[]> {
  const out: Runner[] = [];
  for (const backend of ['wasm', 'cpu', 'tensorflow'] as const) {
    try {
      await initBackend(backend);
      out.push(klayersRunner(backend, plans, data));
    } catch {
      process.stdout.write(`klayers-${backend}: not available\n`);
    }
  }
  const python = process.env['KLAYERS_PEER_PYTHON'];
  if (!python || !existsSync(python)) {
    process.stdout.write(`Peers skipped: set KLAYERS_PEER_PYTHON to a Python with keras, tensorflow, jax and torch${python ? ` (${python} does not exist)` : ''}.\n`);
    return out;
  }
  for (const [name, kind, backend] of [['keras-tf', 'keras', 'tensorflow'], ['keras-jax', 'keras', 'jax'], ['torch', 'torch', undefined]] as const) {
    const runner = await pythonRunner(python, name, kind, backend);
    if (typeof runner === 'string') process.stdout.write(`${runner}\n`);
    else out.push(runner);
  }
  return out;
}

export default async function peersBench(): Promise<void> {
  const plans = new Map<string, ModelPlan>();
  const data = new Map<string, ArraySplit>();
  for (const model of MODELS) {
    plans.set(model.key, await planOf(model));
    data.set(model.key, dataOf(model));
  }
  const all = await runners(plans, data);
  process.stdout.write(`Adam(1e-3); ${ROUNDS} interleaved rounds; each measurement ≥ ${MIN_SECONDS}s after a warm-up; klayers predict runs at its batch 32.\n`);
  const samples = new Map<string, number[]>();
  const notes = new Map<string, string>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const model of MODELS) {
      for (const batch of BATCHES) {
        for (const mode of MODES) {
          for (const runner of all) {
            const cell = `${model.key}/${batch}/${mode}/${runner.name}`;
            const result = await runner.measure(model, batch, mode).catch((e: unknown) => `error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
            if (typeof result === 'number') samples.set(cell, [...(samples.get(cell) ?? []), result]);
            else notes.set(cell, result);
          }
        }
      }
    }
    process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
  }
  for (const runner of all) runner.close();
  printTable(all.map((r) => r.name), samples, notes);
}

function printTable(names: readonly string[], samples: Map<string, number[]>, notes: Map<string, string>): void {
  const ours = names.filter((n) => n.startsWith('klayers-'));
  const peers = names.filter((n) => !n.startsWith('klayers-'));
  const out = (cells: readonly string[]) => process.stdout.write(`${cells.map((c, i) => (i < 3 ? c.padEnd(i === 0 ? 20 : 6) : c.padStart(16))).join(' ')}\n`);
  out(['model', 'batch', 'mode', ...names, ...peers.map((p) => `best÷${p}`)]);
  for (const model of MODELS) {
    for (const batch of BATCHES) {
      for (const mode of MODES) {
        const key = (n: string) => `${model.key}/${batch}/${mode}/${n}`;
        const got = (n: string) => samples.get(key(n)) ?? [];
        const best = [...ours].sort((a, b) => (median(got(b)) || 0) - (median(got(a)) || 0))[0];
        const cells = names.map((n) => (got(n).length ? formatRate(got(n)) : (notes.get(key(n)) ?? '—').slice(0, 16)));
        out([model.name, String(batch), mode, ...cells, ...peers.map((p) => (best ? formatRatio(got(best), got(p)) : '—'))]);
      }
    }
  }
  process.stdout.write('samples/s: median ±half the min–max range over rounds; best÷peer: klayers\' fastest backend for the cell ÷ the peer (range: worst and best rounds).\n');
}
