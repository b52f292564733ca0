/**
 * Keras's Adam update for one variable computed element by element in JS, for the backends whose
 * tensors live in this process's memory (wasm's heap, cpu's arrays, native TensorFlow on the CPU):
 * reading them is a memory copy, not a device round trip. It replaces a dozen small kernels per
 * variable (each paying tfjs's per-op bookkeeping) with a few reads and writes. Every operation
 * is rounded to float32 in the order the tensor formula runs, so the result is the one the kernels
 * give, bit for bit.
 */
import * as tf from '../backend/tf.js';
import type { CpuBackend, WasmBackend } from '../backend/replace-kernel.js';

/**
 * The largest variable updated on the host, per backend. Measured (µs per update of one variable,
 * host against kernels): on wasm an MLP 20-64-32-3's six variables took 0.14 ms against 0.43 as
 * kernels, but LSTM(128)'s 64k-element recurrent kernel 1.40 ms against 0.57, as wasm's SIMD loops
 * beat a scalar JS loop once the per-kernel cost is paid off, at a few thousand elements. On
 * native TensorFlow, where each of the dozen kernels costs ~25 µs however small: 74 against 402
 * at 64 elements, 110 against 376 at 4,096, 339 against 296 at 13,520. On cpu the kernels are JS
 * loops too, several passes each, so the host pass always wins (0.15 ms against 1.32 for the MLP).
 */
const HOST_MAX_SIZE: Readonly<Record<string, number>> = { wasm: 4096, tensorflow: 8192, cpu: Infinity };

/** Whether `adamOnHost` should update a variable of `size` elements on the current backend. */
export function hostUpdatePays(size: number): boolean {
  return size <= (HOST_MAX_SIZE[tf.getBackend()] ?? 0);
}

const f = Math.fround;

/**
 * An optimizer slot's own values, to update in place, when nothing else holds its buffer (wasm's
 * heap or cpu's array); null on native TensorFlow and for a shared buffer. Only slots: a model
 * weight always gets a new tensor, as wasm's matMul and conv kernels keep packed copies of their
 * operands keyed by buffer, and cpu's slices may view a weight's array.
 */
function slotValues(slot: tf.Variable): Float32Array | null {
  const name = tf.getBackend();
  if ((name !== 'cpu' && name !== 'wasm') || slot.dtype !== 'float32') return null;
  const backend = tf.backend() as unknown as WasmBackend | CpuBackend;
  if (backend.refCount(slot.dataId) !== 1) return null;
  const values = name === 'wasm' ? (backend as WasmBackend).typedArrayFromHeap(slot as unknown as tf.TensorInfo) : (backend as CpuBackend).data.get(slot.dataId).values;
  return values instanceof Float32Array ? values : null;
}

/**
 * `m += (g - m)(1-β1)`, `v += (g² - v)(1-β2)`, `w -= m·α / (sqrt(v) + ε)`, as KerasAdam's tensor
 * update (no AMSGrad): m and v written into their own buffers where that is safe (slotValues), w
 * assigned as a new tensor.
 */
export function adamOnHost(w: tf.Variable, g: tf.Tensor, m: tf.Variable, v: tf.Variable, hyper: { b1: number; b2: number; alpha: number; epsilon: number }): void {
  const gs = g.dataSync() as Float32Array;
  const n = gs.length;
  const [ownM, ownV] = [slotValues(m), slotValues(v)];
  const ws = w.dataSync() as Float32Array;
  const ms = ownM ?? (m.dataSync() as Float32Array);
  const vs = ownV ?? (v.dataSync() as Float32Array);
  const nw = new Float32Array(n);
  const nm = ownM ?? new Float32Array(n);
  const nv = ownV ?? new Float32Array(n);
  const [c1, c2, alpha, eps] = [f(1 - hyper.b1), f(1 - hyper.b2), f(hyper.alpha), f(hyper.epsilon)];
  for (let i = 0; i < n; i++) {
    const gi = gs[i]!;
    const mi = f(ms[i]! + f(f(gi - ms[i]!) * c1));
    const vi = f(vs[i]! + f(f(f(gi * gi) - vs[i]!) * c2));
    nm[i] = mi;
    nv[i] = vi;
    nw[i] = f(ws[i]! - f(f(mi * alpha) / f(f(Math.sqrt(vi)) + eps)));
  }
  for (const [variable, values, own] of [[m, nm, ownM], [v, nv, ownV], [w, nw, null]] as const) {
    if (own) continue;
    const t = tf.tensor(values, variable.shape, 'float32');
    variable.assign(t);
    t.dispose();
  }
}
