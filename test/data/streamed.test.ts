/**
 * Files larger than memory are streamed: read again on every pass instead of held. A streamed
 * load must show and train exactly as the same file held in memory (same split, same encoders,
 * same numbers), while holding only the head rows; what cannot stream is refused by name.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { Rebatcher } from '../../src/data/encode/batches.js';
import { HEAD_ROWS } from '../../src/data/csv/row-ingest.js';
import { recorder, refused, run, session } from '../train/helpers.js';
import { tmpFile } from './tmp-files.js';

/** 2,500 rows over three 1,024-row reading batches: numbers with gaps, text with gaps, a binary, a class. */
function mixedCsv(name: string, rows = 2500): string {
  let state = 12345;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const colors = ['red', 'green', 'blue', 'purple'];
  const lines = ['x1,x2,color,flag,size,label'];
  for (let i = 0; i < rows; i++) {
    const x1 = random() * 10 - 5;
    const label = x1 < -1.5 ? 'a' : x1 < 2 ? 'b' : 'c';
    const cell1 = i % 97 === 5 ? '' : x1.toFixed(3);
    const color = i % 89 === 3 ? '' : colors[Math.floor(random() * 4)]!;
    lines.push(`${cell1},${Math.floor(random() * 50)},${color},${random() < 0.3 ? 'yes' : 'no'},${(random() * 100 + x1).toFixed(2)},${label}`);
  }
  return tmpFile(name, `${lines.join('\n')}\n`);
}

const MODEL = ["Dense(8, activation='relu')", "Dense(3, activation='softmax')", 'compile optimizer=adam'];

/** The output of each line, the streamed-from-disk line left out. */
async function outputs(stream: boolean, path: string, lines: readonly string[]): Promise<{ texts: string[]; ctx: ReturnType<typeof session> }> {
  const ctx = session();
  const texts: string[] = [];
  for (const line of ['seed 5', `load ${path} target=label test=0.1${stream ? ' stream=True' : ''}`, ...lines]) texts.push(await run(ctx, line));
  return { texts: texts.map((t) => t.replace(/\n {2}streamed from disk \(stream=True\): .*/, '')), ctx };
}

test('a streamed load shows, splits, encodes, trains, evaluates and predicts exactly as the same file held in memory', async () => {
  const path = mixedCsv('same.csv');
  const lines = ['data', 'data head 5', ...MODEL, 'fit epochs=2 batch_size=64 shuffle=False class_weight=balanced', 'evaluate', 'predict test', 'split validation=0.1 test=0.2 seed=9', 'fit epochs=1 batch_size=64 shuffle=False'];
  const held = await outputs(false, path, lines);
  const streamed = await outputs(true, path, lines);
  const masked = (texts: string[]) => texts.map((t) => t.replace(/\d+s( -)? \d+(ms|us)\/step/g, 'T/step'));
  assert.deepEqual(masked(streamed.texts), masked(held.texts));
  assert.match(held.texts[1]!, /Split: train 1,750, validation 500, test 250 \(validation=0\.2 test=0\.1, shuffled with seed=42, stratified\)\./);
  assert.match(held.texts[1]!, /color: one-hot, 5 values/); // red, green, blue, purple and <missing>
  // The histories are the same numbers, not only the same 4 decimals.
  assert.deepEqual(streamed.ctx.session.training.history, held.ctx.session.training.history);
  assert.equal(held.ctx.session.training.history.length, 3);
});

test('a regression target streams too: the same mean absolute error as in memory', async () => {
  const path = mixedCsv('regression.csv', 1500);
  const lines = ["Dense(4, activation='relu')", 'Dense(1)', 'compile optimizer=adam', 'fit epochs=2 batch_size=50 shuffle=False', 'predict test'];
  const run2 = async (stream: boolean) => {
    const c = session();
    await run(c, 'seed 2', `load ${path} target=size test=0.2${stream ? ' stream=True' : ''}`);
    for (const line of lines.slice(0, -1)) await run(c, line);
    return { text: await run(c, lines.at(-1)!), history: c.session.training.history };
  };
  const [held, streamed] = [await run2(false), await run2(true)];
  assert.match(held.text, /^Predictions on the test split \(300 rows\):/);
  assert.match(held.text, /Mean absolute error: \d+\.\d{4}$/);
  assert.equal(streamed.text, held.text);
  assert.deepEqual(streamed.history, held.history);
});

test('a streamed table holds only its head rows; every text column keeps all its labels', async () => {
  const ctx = session();
  await run(ctx, `load ${mixedCsv('held.csv')} target=label stream=True`);
  const table = ctx.session.data!.dataset.table;
  assert.equal(table.rowCount, 2500);
  for (const c of table.stored) assert.equal(c.data.length, HEAD_ROWS, c.info.name);
  const color = table.stored.find((c) => c.info.name === 'color')!.data;
  assert.deepEqual(color.kind === 'codes' ? [...color.labels].sort() : [], ['<missing>', 'blue', 'green', 'purple', 'red']);
});

test('a shuffled streamed fit is reproducible with a seed, and its order is not the file order', async () => {
  const path = mixedCsv('shuffled.csv');
  const history = async (fit: string) => {
    const ctx = session();
    await run(ctx, 'seed 3', `load ${path} target=label stream=True`, ...MODEL, fit);
    return ctx.session.training.history.map((e) => e.logs);
  };
  const a = await history('fit epochs=2 batch_size=32');
  const b = await history('fit epochs=2 batch_size=32');
  const ordered = await history('fit epochs=2 batch_size=32 shuffle=False');
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, ordered);
});

test('Ctrl-C inside a streamed epoch stops after the batch and still validates that epoch', async () => {
  const rec = recorder((e, control) => {
    if (e.epoch === 1 && e.step === 5) control.stop();
  });
  const ctx = session(rec.hooks);
  const out = await run(ctx, 'seed 4', `load ${mixedCsv('stop.csv')} target=label stream=True`, ...MODEL, 'fit epochs=4 batch_size=100');
  const history = ctx.session.training.history;
  assert.equal(history.length, 2);
  assert.ok('val_loss' in history[1]!.logs);
  assert.match(out, /^ 5\/20 - \d+s - .* - val_loss: \d\.\d{4}$/m);
  // The session goes on: the next fit starts a new pass over the file.
  await run(ctx, 'fit epochs=1 batch_size=100');
  assert.equal(ctx.session.training.history.length, 3);
});

test('what cannot stream is refused by name, and the session keeps its data', async () => {
  const path = mixedCsv('refusals.csv', 300);
  const ctx = session();
  await run(ctx, `load ${path} target=label stream=True validation=0`, ...MODEL);
  assert.match(await refused(ctx, 'fit validation_split=0.2'), /^Error: validation_split=0\.2 needs the training rows in memory; this file is streamed from disk\. Hold out validation rows when loading instead: split validation=0\.2$/);
  assert.match(await refused(ctx, `load ${path} target=x1 window=5 stream=True`), /window= needs the whole series in memory, and .*refusals\.csv is streamed from disk \(stream=True\)\. Leave out stream=True\./);
  assert.match(await refused(ctx, 'load builtin:iris stream=True'), /stream= is for CSV files; builtin data sets are small and held in memory\. Received: stream=True/);
  // The file changes under a streamed data set: the next pass says so; nothing is lost.
  appendFileSync(path, '1.0,3,red,no,50.0,a\n');
  assert.match(await refused(ctx, 'fit epochs=1'), /refusals\.csv changed since it was loaded, and a streamed file is read again on every pass\. Load it again: load .*refusals\.csv/);
  assert.equal(ctx.session.data!.dataset.table.rowCount, 300);
  await run(ctx, `load ${path} target=label stream=True validation=0`, 'fit epochs=1');
});

test('the shuffle buffer hands out every row once, in batches, in an order the buffer mixes', () => {
  let state = 7;
  const random = () => ((state = (state * 48271) % 2147483647) / 2147483647);
  const out: number[] = [];
  const sizes: number[] = [];
  const take = (batches: Iterable<{ x: Float32Array; y: Float32Array; size: number }>) => {
    for (const b of batches) {
      sizes.push(b.size);
      for (let i = 0; i < b.size; i++) {
        assert.equal(b.y[i], b.x[i * 2]! * 10); // x and y of a row stay together
        out.push(b.x[i * 2]!);
      }
    }
  };
  const rebatcher = new Rebatcher(2, 1, 32, { rows: 50, random });
  for (let start = 0; start < 1000; start += 37) {
    const n = Math.min(37, 1000 - start);
    const x = Float32Array.from({ length: n * 2 }, (_, k) => start + Math.floor(k / 2));
    const y = Float32Array.from({ length: n }, (_, k) => (start + k) * 10);
    take(rebatcher.push(x, y, n));
  }
  take(rebatcher.flush());
  assert.deepEqual([...out].sort((a, b) => a - b), Array.from({ length: 1000 }, (_, i) => i));
  assert.deepEqual(sizes, [...new Array<number>(31).fill(32), 8]);
  assert.notDeepEqual(out, Array.from({ length: 1000 }, (_, i) => i));
  // A buffer of 50 rows moves a row at most so far ahead: row r cannot leave before row r - 50 has arrived.
  out.forEach((row, position) => assert.ok(row <= position + 50, `row ${row} at ${position}`));
});

test('a bad row in a streamed file is named by file and line at load, as in memory', async () => {
  const rows = Array.from({ length: 2000 }, (_, i) => (i === 1500 ? '1.5,2,red' : `${i % 7}.5,${i % 3},${i % 2 ? 'red' : 'blue'},a`));
  const path = tmpFile('ragged-streamed.csv', `x,z,color,label\n${rows.join('\n')}\n`);
  const held = await refused(session(), `load ${path} target=label`);
  const streamed = await refused(session(), `load ${path} target=label stream=True`);
  assert.match(held, /ragged-streamed\.csv:1502: this row has 3 values, but the file has 4 columns\./);
  assert.equal(streamed, held);
});
