/**
 * The kernels klayers registers for wasm must compute what tfjs's cpu kernels compute: the same
 * inputs go through both backends, over a grid of shapes, strides, paddings and layouts.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import seedrandom from 'seedrandom';
import { initBackend } from '../../src/engine/index.js';

const random = seedrandom('wasm-kernels');
const values = (n: number) => Float32Array.from({ length: n }, () => random() * 2 - 1);

before(async () => {
  await initBackend('wasm'); // registers the kernels
});

/** Run `fn` on a backend with fresh copies of the inputs; returns the result's values. */
function on(backend: 'cpu' | 'wasm', inputs: { data: Float32Array | Int32Array; shape: number[] }[], fn: (...t: tf.Tensor[]) => tf.Tensor) {
  tf.setBackend(backend);
  return tf.tidy(() => {
    const tensors = inputs.map(({ data, shape }) => tf.tensor(data, shape, data instanceof Int32Array ? 'int32' : 'float32'));
    const out = fn(...tensors);
    return { values: out.dataSync().slice(), shape: out.shape };
  });
}

/** |a - b| <= 1e-5 * (1 + |b|) elementwise, and the same shape. */
function assertClose(actual: { values: ArrayLike<number>; shape: number[] }, expected: { values: ArrayLike<number>; shape: number[] }, label: string) {
  assert.deepEqual(actual.shape, expected.shape, label);
  for (let i = 0; i < expected.values.length; i++) {
    const [a, e] = [actual.values[i]!, expected.values[i]!];
    assert.ok(Math.abs(a - e) <= 1e-5 * (1 + Math.abs(e)), `${label}: [${i}] wasm ${a} vs cpu ${e}`);
  }
}

type Case = { n: number; h: number; w: number; c: number; o: number; fh: number; fw: number; s: [number, number]; pad: 'valid' | 'same' };
const CASES: Case[] = [
  { n: 2, h: 8, w: 8, c: 1, o: 8, fh: 3, fw: 3, s: [1, 1], pad: 'valid' },
  { n: 3, h: 9, w: 7, c: 3, o: 2, fh: 3, fw: 2, s: [2, 3], pad: 'same' },
  { n: 4, h: 10, w: 10, c: 2, o: 4, fh: 5, fw: 5, s: [3, 2], pad: 'valid' }, // strides leave rows unread
  { n: 1, h: 6, w: 6, c: 2, o: 3, fh: 2, fw: 2, s: [2, 2], pad: 'same' },
  { n: 5, h: 7, w: 11, c: 4, o: 1, fh: 1, fw: 4, s: [1, 2], pad: 'same' },
  { n: 2, h: 5, w: 5, c: 3, o: 6, fh: 5, fw: 5, s: [1, 1], pad: 'same' },
];

for (const k of CASES) {
  for (const format of ['NHWC', 'NCHW'] as const) {
    test(`Conv2DBackpropFilter on wasm equals cpu: ${JSON.stringify(k)} ${format}`, () => {
      const xShape = format === 'NHWC' ? [k.n, k.h, k.w, k.c] : [k.n, k.c, k.h, k.w];
      const info = tf.backend_util.computeConv2DInfo(xShape as [number, number, number, number], [k.fh, k.fw, k.c, k.o], k.s, 1, k.pad, undefined, false, format === 'NHWC' ? 'channelsLast' : 'channelsFirst');
      const dyShape = format === 'NHWC' ? [k.n, info.outHeight, info.outWidth, k.o] : [k.n, k.o, info.outHeight, info.outWidth];
      const inputs = [xShape, dyShape].map((shape) => ({ data: values(tf.util.sizeFromShape(shape)), shape }));
      const attrs = { strides: k.s, pad: k.pad, dataFormat: format, filterShape: [k.fh, k.fw, k.c, k.o] };
      const kernel = (x: tf.Tensor, dy: tf.Tensor) => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs as never) as tf.Tensor;
      assertClose(on('wasm', inputs, kernel), on('cpu', inputs, kernel), 'dW');
    });
  }
}

test('the kernel gradient of tf.conv1d and tf.conv2d (the paths Conv1D/Conv2D take) is the same on wasm and cpu', () => {
  const conv1d = { x: [3, 12, 2], f: [3, 2, 4] };
  const conv2d = { x: [2, 7, 6, 3], f: [3, 2, 3, 5] };
  for (const [label, shapes, op] of [
    ['conv1d stride 2 same', conv1d, (x: tf.Tensor, f: tf.Tensor) => tf.conv1d(x as tf.Tensor3D, f as tf.Tensor3D, 2, 'same')],
    ['conv1d valid', conv1d, (x: tf.Tensor, f: tf.Tensor) => tf.conv1d(x as tf.Tensor3D, f as tf.Tensor3D, 1, 'valid')],
    ['conv2d strides (2,1) valid', conv2d, (x: tf.Tensor, f: tf.Tensor) => tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, [2, 1], 'valid')],
  ] as const) {
    const inputs = [shapes.x, shapes.f].map((shape) => ({ data: values(tf.util.sizeFromShape(shape)), shape }));
    // A non-uniform upstream gradient (x squared) so every output position is weighted differently.
    const gradOfFilter = (x: tf.Tensor, f: tf.Tensor) => tf.grad((g: tf.Tensor) => tf.sum(tf.square(op(x, g))))(f);
    assertClose(on('wasm', inputs, gradOfFilter), on('cpu', inputs, gradOfFilter), label);
  }
});

test('UnsortedSegmentSum on wasm equals cpu, dropping ids out of range, for rows of any rank', () => {
  for (const { x, ids, segments } of [
    { x: [6, 3], ids: [0, 2, 0, 1, 2, 2], segments: 4 },
    { x: [5], ids: [1, -1, 1, 3, 0], segments: 3 },
    { x: [3, 2, 4], ids: [2, 2, 1], segments: 3 },
  ]) {
    const inputs = [{ data: values(tf.util.sizeFromShape(x)), shape: x }, { data: Int32Array.from(ids), shape: [ids.length] }];
    const kernel = (t: tf.Tensor, s: tf.Tensor) => tf.unsortedSegmentSum(t, s as tf.Tensor1D, segments);
    assertClose(on('wasm', inputs, kernel), on('cpu', inputs, kernel), JSON.stringify(ids));
  }
});

test("a Lambda's stepped slice (gather) has the same gradient on wasm and cpu", () => {
  const inputs = [{ data: values(24), shape: [4, 6] }];
  const grad = (x: tf.Tensor) => tf.grad((t: tf.Tensor) => tf.sum(tf.square(tf.gather(t, [0, 2, 4, 2], 1))))(x);
  assertClose(on('wasm', inputs, grad), on('cpu', inputs, grad), 'gather grad');
});

test('matMul with transposed operands (the Dense and LSTM gradients) is the same on wasm and cpu, batched too', () => {
  for (const [a, b, ta, tb] of [
    [[5, 3], [5, 4], true, false],
    [[3, 5], [4, 5], false, true],
    [[5, 3], [4, 5], true, true],
    [[2, 6, 3], [2, 6, 4], true, false],
    [[2, 3, 6], [2, 4, 6], false, true],
  ] as [number[], number[], boolean, boolean][]) {
    const inputs = [{ data: values(tf.util.sizeFromShape(a)), shape: a }, { data: values(tf.util.sizeFromShape(b)), shape: b }];
    const kernel = (x: tf.Tensor, y: tf.Tensor) => tf.matMul(x, y, ta, tb);
    assertClose(on('wasm', inputs, kernel), on('cpu', inputs, kernel), `${JSON.stringify(a)}${ta ? 'ᵀ' : ''} · ${JSON.stringify(b)}${tb ? 'ᵀ' : ''}`);
  }
  // And its memory: the laid-out operands are freed.
  tf.setBackend('wasm');
  const [x, y] = [tf.randomNormal([6, 3]), tf.randomNormal([4, 3])];
  const before = tf.memory().numTensors;
  const bytes = (tf.backend() as unknown as { numDataIds(): number }).numDataIds();
  tf.matMul(x, y, false, true).dispose();
  assert.equal(tf.memory().numTensors, before);
  assert.equal((tf.backend() as unknown as { numDataIds(): number }).numDataIds(), bytes);
  tf.dispose([x, y]);
});

test('the registered kernels leave no tensors behind', () => {
  tf.setBackend('wasm');
  const x = tf.randomNormal([2, 8, 8, 3]);
  const f = tf.randomNormal([3, 3, 3, 4]);
  const before = tf.memory().numTensors;
  const g = tf.grad((k: tf.Tensor) => tf.sum(tf.conv2d(x as tf.Tensor4D, k as tf.Tensor4D, 2, 'same')))(f);
  g.dispose();
  assert.equal(tf.memory().numTensors, before);
  tf.dispose([x, f]);
});

test("gathering whole rows (fit's batches) on wasm equals cpu, for float32 and int32 data of any rank", () => {
  for (const [shape, ids] of [
    [[6, 3], [5, 0, 2, 2]],
    [[4, 2, 3], [3, 1]],
    [[5], [4, 4, 0]],
  ] as [number[], number[]][]) {
    const n = tf.util.sizeFromShape(shape);
    for (const data of [values(n), Int32Array.from({ length: n }, (_, i) => i * 3 - 7)]) {
      const inputs = [{ data, shape }, { data: Int32Array.from(ids), shape: [ids.length] }];
      const kernel = (x: tf.Tensor, i: tf.Tensor) => tf.gather(x, i as tf.Tensor1D, 0);
      assert.deepEqual(on('wasm', inputs, kernel), on('cpu', inputs, kernel), `${JSON.stringify(shape)} ${data.constructor.name}`);
    }
  }
  // Indices of rank 2, and a gather along another axis (wasm's own kernel).
  const inputs = [{ data: values(12), shape: [4, 3] }, { data: Int32Array.from([2, 0, 1, 1]), shape: [2, 2] }];
  for (const axis of [0, 1]) {
    const kernel = (x: tf.Tensor, i: tf.Tensor) => tf.gather(x, i, axis);
    assert.deepEqual(on('wasm', inputs, kernel), on('cpu', inputs, kernel), `axis ${axis}`);
  }
});

test('Identity on wasm shares the buffer: a clone outlives its source, and an assign to a variable leaves clones as they were', () => {
  tf.setBackend('wasm');
  const x = tf.tensor([1, 2, 3]);
  const copy = tf.clone(x);
  x.dispose();
  assert.deepEqual(Array.from(copy.dataSync()), [1, 2, 3]);
  const [first, second] = [tf.tensor([4, 5]), tf.tensor([6, 7])];
  const v = tf.variable(first);
  const seen = tf.clone(v);
  v.assign(second);
  tf.dispose([first, second]);
  assert.deepEqual([Array.from(seen.dataSync()), Array.from(v.dataSync())], [[4, 5], [6, 7]]);
  const before = (tf.backend() as unknown as { numDataIds(): number }).numDataIds();
  tf.dispose([copy, seen]);
  assert.equal((tf.backend() as unknown as { numDataIds(): number }).numDataIds(), before - 2);
  v.dispose();
});

test("_FusedMatMul on wasm takes rank-2 operands (Dense's op) and equals cpu, with a bias, ReLU and transposes; its data is freed", () => {
  for (const [a, b, ta, tb, activation] of [
    [[5, 3], [3, 4], false, false, 'relu'],
    [[3, 5], [3, 4], true, false, 'linear'],
    [[5, 3], [4, 3], false, true, 'relu'],
    [[1, 7], [7, 2], false, false, 'linear'],
  ] as [number[], number[], boolean, boolean, string][]) {
    const units = tb ? b[0]! : b[1]!;
    const inputs = [a, b, [units]].map((shape) => ({ data: values(tf.util.sizeFromShape(shape)), shape }));
    const kernel = (x: tf.Tensor, w: tf.Tensor, bias: tf.Tensor) => tf.engine().runKernel('_FusedMatMul', { a: x, b: w, bias }, { transposeA: ta, transposeB: tb, activation } as never) as tf.Tensor;
    assertClose(on('wasm', inputs, kernel), on('cpu', inputs, kernel), `${JSON.stringify(a)} · ${JSON.stringify(b)} ${activation}`);
  }
  tf.setBackend('wasm');
  const [x, w] = [tf.randomNormal([6, 3]), tf.randomNormal([3, 4])];
  const ids = (tf.backend() as unknown as { numDataIds(): number }).numDataIds();
  tf.tidy(() => {
    const y = tf.engine().runKernel('_FusedMatMul', { a: x, b: w }, { transposeA: false, transposeB: false, activation: 'linear' } as never) as tf.Tensor;
    assert.deepEqual(y.shape, [6, 4]);
  });
  assert.equal((tf.backend() as unknown as { numDataIds(): number }).numDataIds(), ids);
  tf.dispose([x, w]);
});
