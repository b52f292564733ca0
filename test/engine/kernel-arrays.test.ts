/**
 * The host arrays klayers' native kernels write their outputs into: inside a training step of the
 * own loop they come back the next step by size (no fresh allocations for V8 to collect), outside
 * one (predict, evaluate, whose tensors may outlive it) each is new, and a tensor made of one hands
 * the same values back to the next kernel without a copy.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { initBackend } from '../../src/engine/index.js';
import { floats, fromKernel, hostFloats, hostInts, withStepArrays } from '../../src/engine/backend/native/own-kernels.js';

test('inside a step, arrays are reused the next step by length and type; outside one they are new', () => {
  const first = withStepArrays(() => [hostFloats(6), hostFloats(6), hostInts(6), hostFloats(2)]);
  const second = withStepArrays(() => [hostInts(6), hostFloats(6), hostFloats(6), hostFloats(3)]);
  assert.ok(second[0] === first[2], 'the Int32Array of 6 again');
  assert.ok(new Set([second[1], second[2]]).size === 2 && [second[1], second[2]].every((a) => a === first[0] || a === first[1]), 'both Float32Arrays of 6 again');
  assert.ok(![first[3]].includes(second[3]!) && second[3]!.length === 3, 'a new length: a new array');
  // What the second step did not take (the array of 2) is not kept for a third.
  const third = withStepArrays(() => hostFloats(2));
  assert.ok(third !== first[3]);
  const outside = [hostFloats(6), hostFloats(6)];
  assert.ok(outside.every((a) => !second.includes(a) && a.every((v) => v === 0)), 'outside a step: new, zeroed arrays');
  // A step that throws still gives its arrays back.
  let thrown: Float32Array | undefined;
  assert.throws(() => withStepArrays(() => { thrown = hostFloats(5); throw new Error('stop'); }), /stop/);
  assert.equal(withStepArrays(() => hostFloats(5)), thrown);
});

test("a kernel's output tensor gives the next kernel the same array; any other tensor its values", async () => {
  await initBackend('cpu');
  const values = Float32Array.from([1, 2, 3, 4]);
  const t = fromKernel(values, [2, 2]);
  assert.deepEqual(t.shape, [2, 2]);
  assert.equal(floats(t), values);
  const other = tf.tensor([5, 6]);
  assert.deepEqual(Array.from(floats(other)), [5, 6]);
  tf.dispose([t, other]);
});
