/**
 * What the REPL's live training view costs: the same fit (MLP 20-64-32-3 on a 10,000-row table,
 * batch 32, Adam) timed three ways in one process, on the backend `backend auto` trains it on:
 *   bare     a tf.layers model with tfjs's own model.fit, nothing listening;
 *   klayers  the `fit` command with no view (replay's path: no per-batch events);
 *   events   the `fit` command reporting every batch to a listener that does nothing (what the
 *            engine spends producing the events: reading each batch's loss, yielding to keys);
 *   view     the `fit` command with the live view listening: every batch event folded into its
 *            state, the Ink component redrawn at its throttled rate (≤ 10/s) into a test stdout.
 * The view's cost is `view` over `klayers` (target ≤ 3 %), of which `view` over `events` is the
 * UI's own; all are shown against `bare` too.
 * Since whole-fit timings wander by a few per cent on a busy machine, the view's own work is
 * also measured directly during those fits: the time spent in its event handler, plus each
 * redraw from the moment the feed publishes to the moment Ink has written the frame.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '../src/engine/backend/tf.js';
import { createContext } from '../src/commands/context.js';
import { executeLine } from '../src/commands/execute.js';
import type { CommandContext } from '../src/commands/types.js';
import { TrainingFeed } from '../src/ui/training/feed.js';
import type { LiveViewProps } from '../src/ui/training/LiveView.js';

// React's production build, as the REPL loads it (src/cli.ts): set before React is first imported.
process.env['NODE_ENV'] ??= 'production';
const { render } = await import('ink-testing-library');
const { createElement } = await import('react');
const { LiveView } = await import('../src/ui/training/LiveView.js');
const view = (props: LiveViewProps) => createElement(LiveView, props);

const ROWS = 10_000;
const FEATURES = 20;
const EPOCHS = 3;
const BATCH = 32;
const ROUNDS = 8;

/** A seeded table of 20 numeric features and a 3-class label, as a CSV file. */
function writeTable(): string {
  let seed = 1;
  const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
  const header = [...Array.from({ length: FEATURES }, (_, i) => `f${i}`), 'label'].join(',');
  const rows = Array.from({ length: ROWS }, () => {
    const x = Array.from({ length: FEATURES }, next);
    return [...x.map((v) => v.toFixed(4)), `c${x[0]! + x[1]! > 0 ? (x[2]! > 0 ? 0 : 1) : 2}`].join(',');
  });
  const path = join(mkdtempSync(join(tmpdir(), 'klayers-ui-cost-')), 'table.csv');
  writeFileSync(path, `${header}\n${rows.join('\n')}\n`);
  return path;
}

async function run(ctx: CommandContext, line: string): Promise<void> {
  const result = await executeLine(ctx, line);
  if (!result.ok) throw new Error(`bench line refused: ${line}\n${JSON.stringify(result.blocks)}`);
}

async function klayersSession(csv: string, training?: TrainingFeed): Promise<CommandContext> {
  const base = createContext({ columns: 80, backend: 'auto' });
  const ctx = training ? { ...base, training } : base;
  for (const line of [`load ${csv} target=label validation=0 test=0`, "Dense(64, activation='relu')", "Dense(32, activation='relu')", "Dense(3, activation='softmax')", 'compile optimizer=adam loss=categorical_crossentropy']) {
    await run(ctx, line);
  }
  return ctx;
}

function bareModel(): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 64, activation: 'relu', inputShape: [FEATURES] }),
      tf.layers.dense({ units: 32, activation: 'relu' }),
      tf.layers.dense({ units: 3, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
  return model;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export default async function uiCostBench(): Promise<void> {
  const csv = writeTable();
  const plain = await klayersSession(csv);
  const feed = new TrainingFeed();
  const viewed = await klayersSession(csv, feed);
  const listened = await klayersSession(csv, { onEvent() {}, setControl() {} } as unknown as TrainingFeed);
  // Subscribed before the view, so it hears each publish first: a redraw's clock starts here.
  let publishedAt: number | null = null;
  let redrawMs = 0;
  feed.subscribe(() => (publishedAt = performance.now()));
  const screen = render(view({ feed, size: { columns: 80, rows: 24 } }));
  const write = screen.stdout.write.bind(screen.stdout);
  screen.stdout.write = (frame: string) => {
    write(frame);
    if (publishedAt !== null) redrawMs += performance.now() - publishedAt;
    publishedAt = null;
  };
  let handlerMs = 0;
  const handle = feed.onEvent.bind(feed);
  feed.onEvent = (event) => {
    const start = performance.now();
    handle(event);
    handlerMs += performance.now() - start;
  };
  const fitLine = `fit epochs=${EPOCHS} batch_size=${BATCH}`;
  // The klayers fits pick the training backend; the bare model is built on it afterwards.
  await run(plain, 'fit epochs=1');
  await run(viewed, 'fit epochs=1');
  await run(listened, 'fit epochs=1');
  const bare = bareModel();
  const x = tf.randomNormal([ROWS, FEATURES]);
  const y = tf.oneHot(tf.randomUniformInt([ROWS], 0, 3), 3);
  const bareFit = () => bare.fit(x, y, { epochs: EPOCHS, batchSize: BATCH, verbose: 0 });
  await bare.fit(x, y, { epochs: 1, batchSize: BATCH, verbose: 0 });
  // Alternating rounds, the best of each, so none gains from running first or last.
  const best = { bare: Infinity, klayers: Infinity, events: Infinity, view: Infinity };
  const framesBefore = screen.frames.length;
  let viewMs = 0;
  const variants: readonly [keyof typeof best, () => Promise<unknown>][] = [
    ['bare', bareFit],
    ['klayers', () => run(plain, fitLine)],
    ['events', () => run(listened, fitLine)],
    ['view', () => run(viewed, fitLine)],
  ];
  const rounds: Record<keyof typeof best, number>[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    // Each round starts with a different variant, so none always runs first or last.
    const times = { bare: 0, klayers: 0, events: 0, view: 0 };
    for (let k = 0; k < variants.length; k += 1) {
      const [name, work] = variants[(round + k) % variants.length]!;
      const ms = await timed(work);
      times[name] = ms;
      best[name] = Math.min(best[name], ms);
      if (name === 'view') viewMs += ms;
    }
    rounds.push(times);
  }
  // The machine's speed drifts between rounds; a ratio within one round does not see the drift.
  const medianRatio = (a: keyof typeof best, b: keyof typeof best) => median(rounds.map((r) => r[a] / r[b]));
  const frames = screen.frames.length - framesBefore;
  screen.unmount();
  bare.dispose();
  tf.dispose([x, y]);
  const pct = (a: number, b: number) => `${a >= b ? '+' : ''}${(((a - b) / b) * 100).toFixed(1)} %`;
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(`MLP ${FEATURES}-64-32-3, ${ROWS.toLocaleString('en-US')} rows, batch ${BATCH}, ${EPOCHS} epochs, backend ${tf.getBackend()}; best of ${ROUNDS} alternating rounds`);
  out(`bare tfjs fit           ${best.bare.toFixed(0).padStart(6)} ms`);
  out(`klayers fit, no view    ${best.klayers.toFixed(0).padStart(6)} ms  (${pct(best.klayers, best.bare)} vs bare)`);
  out(`klayers fit, events     ${best.events.toFixed(0).padStart(6)} ms  (${pct(best.events, best.bare)} vs bare)`);
  out(`klayers fit, live view  ${best.view.toFixed(0).padStart(6)} ms  (${pct(best.view, best.bare)} vs bare); best of each`);
  const ratioPct = (r: number) => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)} %`;
  out(
    `live view's cost, whole fits (median of per-round ratios): ${ratioPct(medianRatio('view', 'klayers'))} of fit time (target ≤ 3 %); ` +
      `events alone ${ratioPct(medianRatio('events', 'klayers'))}; against bare tfjs ${ratioPct(medianRatio('view', 'bare'))}`,
  );
  out(`live view's cost, whole fits (best of each): ${pct(best.view, best.klayers)} of fit time; events alone ${pct(best.events, best.klayers)}`);
  out(
    `live view's own work: ${(((handlerMs + redrawMs) / viewMs) * 100).toFixed(2)} % of fit time ` +
      `(events ${handlerMs.toFixed(0)} ms + ${frames} redraws ${redrawMs.toFixed(0)} ms in ${viewMs.toFixed(0)} ms of fits; ${(frames / (viewMs / 1000)).toFixed(1)} redraws/s, ${(redrawMs / Math.max(1, frames)).toFixed(1)} ms each; interval now ${feed.redrawInterval.toFixed(0)} ms)`,
  );
}
