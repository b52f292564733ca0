/**
 * `npm run bench -- peers [--quick] [--rounds N] [--models mlp,cnn,...] [--backends tensorflow,wasm]`: klayers on each backend
 * that loads and, when KLAYERS_PEER_PYTHON names a Python with Keras 3, TensorFlow, JAX and
 * PyTorch, Keras on TensorFlow and on JAX and plain PyTorch, on the five reference models at
 * batch 32 and 128, training and predicting. Rounds are interleaved: within each round every
 * cell is measured by every peer in turn, so a change in the machine's load hits all of them.
 */
import { PEER_MODELS, type Cell, type Peer } from './models.js';
import { startKlayersPeer } from './klayers-peer.js';
import { PYTHON_PEERS, startPythonPeer } from './python-peer.js';
import { cellId, peerTables, type Results } from './table.js';
import { autoPicks, pickKey } from './auto-pick.js';

interface Options {
  readonly rounds: number;
  readonly minSeconds: number;
  readonly batches: readonly number[];
  readonly models: readonly string[] | null;
  /** The klayers backends to measure (all three by default). */
  readonly backends: readonly ('tensorflow' | 'wasm' | 'cpu')[];
}

function parseOptions(args: readonly string[]): Options {
  const quick = args.includes('--quick');
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const rounds = Number(value('--rounds') ?? (quick ? 1 : 3));
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a whole number of 1 or more; got ${value('--rounds')}.`);
  const models = value('--models')?.split(',') ?? null;
  const unknown = models?.filter((m) => !PEER_MODELS.some((p) => p.key === m)) ?? [];
  if (unknown.length > 0) throw new Error(`Unknown model ${unknown.join(', ')}; choose from ${PEER_MODELS.map((m) => m.key).join(', ')}.`);
  const all = ['tensorflow', 'wasm', 'cpu'] as const;
  const backends = value('--backends')?.split(',') ?? [...all];
  const unknownBackend = backends.filter((b) => !(all as readonly string[]).includes(b));
  if (unknownBackend.length > 0) throw new Error(`Unknown backend ${unknownBackend.join(', ')}; choose from ${all.join(', ')}.`);
  return { rounds, minSeconds: quick ? 0.1 : 0.4, batches: quick ? [32] : [32, 128], models, backends: all.filter((b) => backends.includes(b)) };
}

const out = (line: string) => process.stdout.write(`${line}\n`);

/** The pause before each measurement. */
const SETTLE_MS = 300;

/** Runs the peer bench with the arguments after `peers`. */
export default async function peersBench(args: readonly string[]): Promise<void> {
  const options = parseOptions(args);
  const models = PEER_MODELS.filter((m) => !options.models || options.models.includes(m.key));
  const cells: Cell[] = models.flatMap((model) => options.batches.flatMap((batch) => (['train', 'predict'] as const).map((mode) => ({ model, batch, mode }))));
  const peers: Peer[] = [];
  const klayers: string[] = [];
  const outside: string[] = [];
  for (const backend of options.backends) {
    const peer = await startKlayersPeer(backend);
    if (typeof peer === 'string') out(`not measured: ${peer}`);
    else (peers.push(peer), klayers.push(peer.name));
  }
  const python = process.env['KLAYERS_PEER_PYTHON'];
  if (!python) out('not measured: Keras and PyTorch (set KLAYERS_PEER_PYTHON to a Python with keras, tensorflow, jax and torch)');
  for (const spec of python ? PYTHON_PEERS : []) {
    const started = await startPythonPeer(python!, spec);
    if (typeof started === 'string') out(`not measured: ${started}`);
    else (peers.push(started.peer), outside.push(spec.name), out(`${spec.name}: ${started.version}`));
  }
  out(
    `${options.rounds} interleaved round(s) of ${peers.map((p) => p.name).join(', ')}; each cell: one untimed warm-up run, ` +
      `then runs (an epoch, or a predict of every row) until ${options.minSeconds} s have passed. klayers is timed through its own fit and predict ` +
      '(its predict runs in batches of 32 whatever the batch column says). Adam(1e-3), synthetic data, fixed seeds.',
  );
  out('backend auto, measured as at a first fit:');
  const picks = await autoPicks(models, options.batches);
  for (const model of models) for (const batch of options.batches) out(`  ${model.name} @${batch}: ${picks.get(pickKey(model, batch))?.reason ?? 'no pick'}`);
  const results: Results = new Map();
  for (let round = 0; round < options.rounds; round++) {
    const started = performance.now();
    for (const cell of cells) {
      const byPeer = results.get(cellId(cell)) ?? new Map<string, number[]>();
      results.set(cellId(cell), byPeer);
      for (const peer of peers) {
        let rate = NaN;
        // Each peer starts on a quiet machine: the one before may leave threads spinning for a
        // while after its work (OpenMP's and XLA's pools wait busy before they sleep).
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        try {
          rate = await peer.measure(cell, options.minSeconds);
        } catch (error) {
          out(`${peer.name} ${cellId(cell)}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
        }
        byPeer.set(peer.name, [...(byPeer.get(peer.name) ?? []), rate]);
      }
    }
    out(`round ${round + 1}/${options.rounds}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
    // The tables so far after each round: a long run stopped early still shows what it measured.
    const last = round === options.rounds - 1;
    out(`\nsamples/s (median over ${last ? '' : `the first ${round + 1} of `}${options.rounds} round(s), ± half the range):`);
    for (const line of peerTables(cells, results, klayers, outside, picks)) out(line);
    if (!last) out('');
  }
  for (const peer of peers) peer.close();
}
