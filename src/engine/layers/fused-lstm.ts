/**
 * A whole-sequence LSTM as a handful of kernels, with a hand-written backward.
 *
 * tfjs's LSTM runs its cell once per timestep as ~15 small ops, and its gradient as ~40 more, so a
 * 20-step LSTM costs over a thousand kernel calls per training step, each paying tfjs's per-op
 * bookkeeping. Here the sequence is: one matMul for every timestep's input projection, then per
 * step one matMul (h·U) on the backend and the gate arithmetic in a JavaScript loop over the
 * step's values; the backward is the same shape (one matMul per step for dh, then three large
 * matMuls for the kernel, recurrent kernel and input gradients). The numbers are Keras's LSTM
 * (gates i, f, c, o; sigmoid and tanh; at a masked step the states and output carry over, as
 * Keras with zero_output_for_mask=False does).
 *
 * It replaces the call of a tfjs LSTM layer (weights, config and serialization stay tfjs's), for
 * the layers it covers: default activations, no dropout, no initial state, no returned state.
 * Everything else runs tfjs's own LSTM.
 */
import * as tf from '../backend/tf.js';
import { nativeOps, type NativeAttr, type NativeOps } from '../backend/native/ops.js';
import { floats, fromKernel, hostFloats, ownKernels, type OwnKernels } from '../backend/native/own-kernels.js';
import { backThroughTime, fusedRecurrentCovers, hostMatMul, installFusedCall, maskValues, openHostOp, recurrentInputs, weightGradients, type FusedCall, type RecurrentLike } from './fused-recurrent.js';
import type { GradOp } from './direct.js';

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/**
 * The LSTM's op over `x` ([batch, steps, features]) with the layer's weights: its last output, or
 * every output when it returns sequences, with the gradients of x and the three weights. On native
 * TensorFlow a sequence with no masked step is one call of klayers' own kernel when setup built it
 * (native/kernels.cc), else one BlockLSTM op (and one BlockLSTMGrad).
 */
function lstmCall(layer: RecurrentLike): FusedCall {
  return (x, maskTensor) => {
    const shape = x.shape as [number, number, number];
    const mask = maskValues(maskTensor, shape[0], shape[1]);
    const kernels = mask === null ? ownKernels() : null;
    const native = mask === null && kernels === null ? nativeOps() : null;
    const op = kernels ? kernelLstm(layer, kernels, shape) : native ? blockLstm(layer, native, shape) : hostLstm(layer, shape, mask);
    return { op, inputs: recurrentInputs(layer, x, 4) };
  };
}

/** Tensors every step of a shape reuses (zeros, the gate order's indices), kept for the process. */
const constants = new Map<string, tf.Tensor>();

function constant(key: string, make: () => tf.Tensor): tf.Tensor {
  let t = constants.get(key);
  if (t === undefined || t.isDisposed) {
    t = tf.keep(tf.tidy(make));
    constants.set(key, t);
  }
  return t;
}

/**
 * Keras's gate blocks (i, f, c, o) in BlockLSTM's order (i, c, f, o), and back (the same swap), for
 * the rows of `parts` stacked: the values are copied on the host, where swapping two column blocks
 * is one pass, instead of a concat, a gather and slices as ops (each ~30-50 µs on native).
 */
function swapGates(parts: readonly tf.Tensor[], units: number): Float32Array {
  const width = 4 * units;
  const rows = parts.reduce((n, t) => n + t.size / width, 0);
  const out = new Float32Array(rows * width);
  let row = 0;
  for (const part of parts) {
    const values = part.dataSync() as Float32Array;
    for (let r = 0; r < values.length / width; r++, row++) {
      const from = r * width;
      const to = row * width;
      out.set(values.subarray(from, from + units), to);
      out.set(values.subarray(from + 2 * units, from + 3 * units), to + units);
      out.set(values.subarray(from + units, from + 2 * units), to + 2 * units);
      out.set(values.subarray(from + 3 * units, from + width), to + 3 * units);
    }
  }
  return out;
}

/**
 * TensorFlow's BlockLSTM over the whole sequence (no peepholes, no cell clip, forget bias 0:
 * Keras's unit_forget_bias is already in the bias), and BlockLSTMGrad for its gradient.
 */
function blockLstm(layer: RecurrentLike, native: NativeOps, [B, T, I]: [number, number, number]): GradOp {
  const H = layer.cell.units;
  const seq = layer.returnSequences;
  const back = layer.goBackwards;
  const seqLen = native.int64Scalar(T);
  const float: NativeAttr = { name: 'T', dtype: 'float32' };
  return (...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xIn, w, u, b, save] = args as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    const weights = tf.tensor2d(swapGates([w, u], H), [I + H, 4 * H]);
    const gateBias = tf.tensor1d(swapGates([b], H));
    const timeMajor = tf.transpose(back ? tf.reverse(xIn, 1) : xIn, [1, 0, 2]);
    const zeros = constant(`zeros ${B} ${H}`, () => tf.zeros([B, H]));
    const peephole = constant(`zeros ${H}`, () => tf.zeros([H]));
    const inputs = [seqLen, timeMajor, zeros, zeros, weights, peephole, peephole, peephole, gateBias];
    const outs = native.run('BlockLSTM', [{ name: 'forget_bias', float: 0 }, { name: 'cell_clip', float: -1 }, { name: 'use_peephole', bool: false }, float], inputs, 7);
    const h = outs[6]!;
    save([timeMajor, zeros, peephole, weights, gateBias, ...outs]);
    const value = seq ? tf.transpose(h, [1, 0, 2]) : tf.reshape(tf.slice(h, [T - 1, 0, 0], [1, B, H]), [B, H]);
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]): tf.Tensor[] => {
      const [tm, z, ph, wts, gb, ...fwd] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, ...tf.Tensor[]];
      const hGrad = seq ? tf.transpose(dy, [1, 0, 2]) : tf.pad(tf.reshape(dy, [1, B, H]), [[T - 1, 0], [0, 0], [0, 0]]);
      const csGrad = constant(`zeros ${T} ${B} ${H}`, () => tf.zeros([T, B, H]));
      const grads = native.run('BlockLSTMGrad', [{ name: 'use_peephole', bool: false }, float], [seqLen, tm, z, z, wts, ph, ph, ph, gb, ...fwd, csGrad, hGrad], 8);
      const [xGrad, , , wGrad, , , , bGrad] = grads as tf.Tensor[];
      const dxTime = tf.transpose(xGrad!, [1, 0, 2]);
      const dx = back ? tf.reverse(dxTime, 1) : dxTime;
      const dwu = swapGates([wGrad!], H);
      const split = I * 4 * H;
      return [dx, tf.tensor2d(dwu.subarray(0, split), [I, 4 * H]), tf.tensor2d(dwu.subarray(split), [H, 4 * H]), tf.tensor1d(swapGates([bGrad!], H))];
    };
    return { value, gradFunc };
  };
}

/**
 * The sequence as klayers' own kernel (native/kernels.cc): the forward keeps the activated gates
 * and the states on the host for the backward, which gives the four gradients.
 */
function kernelLstm(layer: RecurrentLike, kernels: OwnKernels, [B, T, I]: [number, number, number]): GradOp {
  const H = layer.cell.units;
  const G = 4 * H;
  const N = B * H;
  const seq = layer.returnSequences;
  const back = layer.goBackwards;
  return (...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, w, u, b] = args as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
    const [xs, ws, us] = [floats(x), floats(w), floats(u)];
    const gates = hostFloats(T * B * G);
    const cs = hostFloats((T + 1) * N);
    const hs = hostFloats((T + 1) * N);
    const tanhC = hostFloats(T * N);
    const out = hostFloats(seq ? B * T * H : N);
    kernels.lstmForward(xs, ws, us, floats(b), B, T, I, H, back, gates, cs, hs, tanhC, out, seq);
    const value = fromKernel(out, seq ? [B, T, H] : [B, H]);
    const gradFunc = (dy: tf.Tensor): tf.Tensor[] => {
      const [dx, dw, du, db] = [hostFloats(B * T * I), hostFloats(I * G), hostFloats(H * G), hostFloats(G)];
      kernels.lstmBackward(xs, ws, us, gates, cs, hs, tanhC, floats(dy), B, T, I, H, back, seq, dx, dw, du, db);
      return [fromKernel(dx, [B, T, I]), tf.tensor2d(dw, [I, G]), tf.tensor2d(du, [H, G]), tf.tensor1d(db)];
    };
    return { value, gradFunc };
  };
}

/** The sequence on the host: per step one matMul (h·U) on the backend, the gates in JavaScript. */
function hostLstm(layer: RecurrentLike, [B, T, I]: [number, number, number], mask: Uint8Array | null): GradOp {
  const H = layer.cell.units;
  const G = 4 * H;
  const seq = layer.returnSequences;
  const back = layer.goBackwards;
  return (...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    // Every timestep's input projection at once: row (b * T + t) of [B * T, 4H].
    const { u, xz } = openHostOp(args, B * T, I);
    // Per step (in the order the LSTM reads them): activated gates [B, 4H], tanh(c) and the
    // states before and after; h before each step is kept by input row for the recurrent kernel's gradient.
    const gates = new Float32Array(T * B * G);
    const tanhC = new Float32Array(T * B * H);
    const cs = new Float32Array((T + 1) * B * H);
    const hs = new Float32Array((T + 1) * B * H);
    const hPrevByRow = new Float32Array(B * T * H);
    const out = new Float32Array(seq ? B * T * H : B * H);
    const noRecurrence = new Float32Array(B * G);
    for (let s = 0; s < T; s++) {
      const t = back ? T - 1 - s : s;
      const hPrev = hs.subarray(s * B * H, (s + 1) * B * H);
      const recur = s === 0 ? noRecurrence : hostMatMul(hPrev, B, H, u); // h before the first step is 0
      for (let bi = 0; bi < B; bi++) {
        const row = bi * T + t;
        const read = mask === null || mask[row] === 1;
        const zBase = row * G;
        const gBase = (s * B + bi) * G;
        hPrevByRow.set(hPrev.subarray(bi * H, (bi + 1) * H), row * H);
        for (let j = 0; j < H; j++) {
          const k = bi * H + j;
          const cPrev = cs[s * B * H + k]!;
          let c = cPrev;
          let h = hPrev[k]!;
          if (read) {
            const zi = xz[zBase + j]! + recur[bi * G + j]!;
            const zf = xz[zBase + H + j]! + recur[bi * G + H + j]!;
            const zc = xz[zBase + 2 * H + j]! + recur[bi * G + 2 * H + j]!;
            const zo = xz[zBase + 3 * H + j]! + recur[bi * G + 3 * H + j]!;
            const gi = sigmoid(zi);
            const gf = sigmoid(zf);
            const gc = Math.tanh(zc);
            const go = sigmoid(zo);
            c = gf * cPrev + gi * gc;
            const tc = Math.tanh(c);
            h = go * tc;
            gates[gBase + j] = gi;
            gates[gBase + H + j] = gf;
            gates[gBase + 2 * H + j] = gc;
            gates[gBase + 3 * H + j] = go;
            tanhC[s * B * H + k] = tc;
          }
          cs[(s + 1) * B * H + k] = c;
          hs[(s + 1) * B * H + k] = h;
          if (seq) out[(bi * T + s) * H + j] = h;
        }
      }
    }
    if (!seq) out.set(hs.subarray(T * B * H));
    const value = seq ? tf.tensor3d(out, [B, T, H]) : tf.tensor2d(out, [B, H]);

    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]): tf.Tensor[] => {
      const [xSaved, wSaved, uSaved] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
      const uT = tf.transpose(uSaved); // laid out once: a transposed operand is the slow path on wasm
      const dz = new Float32Array(B * T * G);
      const dc = new Float32Array(B * H);
      const cell = (s: number, t: number, dh: Float32Array, carried: Float32Array) => {
        for (let bi = 0; bi < B; bi++) {
          const row = bi * T + t;
          const read = mask === null || mask[row] === 1;
          const gBase = (s * B + bi) * G;
          const zBase = row * G;
          for (let j = 0; j < H; j++) {
            const k = bi * H + j;
            if (!read) {
              carried[k] = dh[k]!; // dc carries over unchanged too
              continue;
            }
            const gi = gates[gBase + j]!;
            const gf = gates[gBase + H + j]!;
            const gc = gates[gBase + 2 * H + j]!;
            const go = gates[gBase + 3 * H + j]!;
            const tc = tanhC[s * B * H + k]!;
            const cPrev = cs[s * B * H + k]!;
            const dhk = dh[k]!;
            const dct = dc[k]! + dhk * go * (1 - tc * tc);
            dz[zBase + j] = dct * gc * gi * (1 - gi);
            dz[zBase + H + j] = dct * cPrev * gf * (1 - gf);
            dz[zBase + 2 * H + j] = dct * gi * (1 - gc * gc);
            dz[zBase + 3 * H + j] = dhk * tc * go * (1 - go);
            dc[k] = dct * gf;
          }
        }
      };
      backThroughTime({ shape: [B, T, H], width: G, goBackwards: back, sequences: seq, dOut: dy.dataSync() as Float32Array, uT, dz, cell });
      uT.dispose();
      return weightGradients(dz, G, xSaved, wSaved, hPrevByRow, H);
    };
    return { value, gradFunc };
  };
}

/** Whether the fused LSTM computes this layer's call exactly (otherwise tfjs's LSTM runs it). */
export function fusedLstmCovers(args: Record<string, unknown>): boolean {
  return fusedRecurrentCovers(args, { activation: 'tanh', recurrent_activation: 'sigmoid' });
}

/**
 * Installs the fused call on a tfjs LSTM layer; a call it does not cover (an initial state given)
 * goes to tfjs's own.
 */
export function useFusedLstm(layer: tf.layers.Layer): tf.layers.Layer {
  return installFusedCall(layer, lstmCall(layer as unknown as RecurrentLike));
}
