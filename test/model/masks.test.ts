/**
 * Where klayers prints Keras's mask warning: on the line that makes a mask reach a layer without
 * mask support, once, and not while the model has no input shape (Keras warns when it builds).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../src/commands/context.js';
import { executeLine } from '../../src/commands/execute.js';

async function warningsPerLine(lines: readonly string[]): Promise<string[][]> {
  const ctx = createContext({ columns: 80, backend: 'cpu' });
  const out: string[][] = [];
  for (const line of lines) {
    const r = await executeLine(ctx, line);
    assert.ok(r.ok, line);
    out.push(r.blocks.flatMap((b) => (b.kind === 'warning' && b.text.includes('destroy the mask') ? [b.text.slice(0, b.text.indexOf(')') + 1)] : [])));
  }
  return out;
}

test('an unbuilt model warns when its input shape arrives, naming the layer', async () => {
  assert.deepEqual(await warningsPerLine(['Masking()', 'Conv1D(2, 3)', 'LSTM(2)', 'input (8, 2)']), [[], [], [], ["Layer 'conv1d' (of type Conv1D)"]]);
});

test('each later line that keeps the same mask path says nothing again; a new destroyer warns', async () => {
  assert.deepEqual(
    await warningsPerLine(['Input(shape=(8, 2))', 'Masking()', 'Flatten()', 'Dense(4)', 'remove 3', 'remove 2', 'insert 2 Permute((2, 1))']),
    [[], [], ["Layer 'flatten' (of type Flatten)"], [], [], [], ["Layer 'permute' (of type Permute)"]],
  );
});

test('a layer after an RNN without return_sequences receives no mask, so nothing is said', async () => {
  assert.deepEqual(await warningsPerLine(['Input(shape=(8, 2))', 'Masking()', 'LSTM(4)', 'Reshape((2, 2))']), [[], [], [], []]);
});
