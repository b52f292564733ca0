/**
 * What `npm run bench -- peers` prints from its measurements (made up here: nothing is timed):
 * medians with their spread, the klayers backend `backend auto` picked (or the fastest, when it
 * picked one the bench did not run), and klayers ÷ each peer round by round.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PEER_MODELS, syntheticData, type Cell } from '../../bench/peers/models.js';
import { cellId, peerTables, type Results } from '../../bench/peers/table.js';

test('the tables show each median ± half its range, and klayers ÷ peer per round as median (min–max)', () => {
  const mlp = PEER_MODELS[0]!;
  const cells: Cell[] = [{ model: mlp, batch: 32, mode: 'train' }, { model: mlp, batch: 32, mode: 'predict' }];
  const results: Results = new Map([
    [cellId(cells[0]!), new Map([['klayers-wasm', [1000, 1200, 1100]], ['klayers-cpu', [500, 500, 500]], ['torch', [10_000, 10_000, 5_000]]])],
    // a failed measurement (NaN) is left out, and the round it failed in pairs with nothing
    [cellId(cells[1]!), new Map([['klayers-wasm', [NaN, 300, 300]], ['klayers-cpu', [400, 400, NaN]], ['torch', [800, 800, 800]]])],
  ]);
  // auto picked cpu, though wasm trained faster in the bench: the ratios are cpu's
  const lines = peerTables(cells, results, ['klayers-wasm', 'klayers-cpu'], ['torch'], new Map([['mlp@32', { name: 'cpu', reason: '' }]]));
  assert.deepEqual(lines, [
    'model           batch  mode     klayers-wasm  klayers-cpu        torch',
    'MLP 20-64-32-3  32     train       1,100 ±9%      500 ±0%  10,000 ±25%',
    'MLP 20-64-32-3  32     predict       300 ±0%      400 ±0%      800 ±0%',
    '',
    'model           batch  mode     klayers auto           ÷ torch',
    'MLP 20-64-32-3  32     train             cpu  0.05 (0.05–0.10)',
    'MLP 20-64-32-3  32     predict           cpu  0.50 (0.50–0.50)',
  ]);
  // a pick the bench did not measure (tensorflow), or none: the fastest measured, marked
  const unmeasured = peerTables(cells, results, ['klayers-wasm', 'klayers-cpu'], ['torch'], new Map([['mlp@32', { name: 'tensorflow', reason: '' }]]));
  assert.deepEqual(unmeasured.slice(-2), ['MLP 20-64-32-3  32     train     wasm (best)  0.12 (0.10–0.22)', 'MLP 20-64-32-3  32     predict    cpu (best)  0.50 (0.50–0.50)']);
});

test('synthetic data has the model\'s shapes, one-hot targets for classes, and is the same every run', () => {
  const cnn = PEER_MODELS.find((m) => m.key === 'cnn')!;
  const a = syntheticData(cnn);
  assert.deepEqual([a.x.length, a.y.length, a.yShape], [cnn.rows * 28 * 28, cnn.rows * 10, [10]]);
  assert.equal(a.y.reduce((s, v) => s + v, 0), cnn.rows);
  assert.deepEqual(syntheticData(cnn).x.slice(0, 5), a.x.slice(0, 5));
});
