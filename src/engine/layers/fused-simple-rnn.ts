/**
 * A whole-sequence SimpleRNN with a hand-written backward, as fused-lstm.ts's host path.
 *
 * tfjs's SimpleRNN runs its cell once per timestep and its gradient step by step: a 20-step
 * SimpleRNN(32) training step was ~970 kernel calls (9.6 ms on wasm, 16.8 ms on native: slower
 * than the fused LSTM of the same size). Here: one matMul for every timestep's input projection,
 * then per step one matMul (h·U) on the backend and `tanh` in a JavaScript loop; the backward is
 * one matMul per step for dh, then three large matMuls for the kernel, recurrent kernel and input
 * gradients. The numbers are Keras's SimpleRNN with its default tanh (at a masked step the state
 * and output carry over, as Keras does).
 */
import * as tf from '../backend/tf.js';
import { backThroughTime, fusedRecurrentCovers, hostMatMul, installFusedCall, maskValues, openHostOp, recurrentInputs, weightGradients, type FusedCall, type RecurrentLike } from './fused-recurrent.js';
import type { GradOp } from './direct.js';

/** The SimpleRNN's op over `x` ([batch, steps, features]): its last output, or every output, with the gradients of x and the weights. */
function simpleRnnCall(layer: RecurrentLike): FusedCall {
  return (x, maskTensor) => {
    const [B, T] = x.shape as [number, number, number];
    return { op: hostSimpleRnn(layer, x.shape as [number, number, number], maskValues(maskTensor, B, T)), inputs: recurrentInputs(layer, x, 1) };
  };
}

function hostSimpleRnn(layer: RecurrentLike, [B, T, I]: [number, number, number], mask: Uint8Array | null): GradOp {
  const H = layer.cell.units;
  const N = B * H;
  const seq = layer.returnSequences;
  const back = layer.goBackwards;
  return (...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const { u, xz } = openHostOp(args, B * T, I);
    // The state after each step read so far (hs[0] is the zero initial state), and the state before
    // each step by input row, for the recurrent kernel's gradient.
    const hs = new Float32Array((T + 1) * N);
    const hPrevByRow = new Float32Array(B * T * H);
    const out = new Float32Array(seq ? B * T * H : N);
    for (let s = 0; s < T; s++) {
      const t = back ? T - 1 - s : s;
      const hPrev = hs.subarray(s * N, (s + 1) * N);
      const recur = s === 0 ? null : hostMatMul(hPrev, B, H, u);
      for (let bi = 0; bi < B; bi++) {
        const row = bi * T + t;
        const read = mask === null || mask[row] === 1;
        hPrevByRow.set(hPrev.subarray(bi * H, (bi + 1) * H), row * H);
        for (let j = 0; j < H; j++) {
          const k = bi * H + j;
          const h = read ? Math.tanh(xz[row * H + j]! + (recur === null ? 0 : recur[k]!)) : hPrev[k]!;
          hs[(s + 1) * N + k] = h;
          if (seq) out[(bi * T + s) * H + j] = h;
        }
      }
    }
    if (!seq) out.set(hs.subarray(T * N));
    const value = seq ? tf.tensor3d(out, [B, T, H]) : tf.tensor2d(out, [B, H]);

    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]): tf.Tensor[] => {
      const [xSaved, wSaved, uSaved] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
      const uT = tf.transpose(uSaved); // laid out once: a transposed operand is the slow path on wasm
      const dz = new Float32Array(B * T * H);
      const cell = (s: number, t: number, dh: Float32Array, carried: Float32Array) => {
        for (let bi = 0; bi < B; bi++) {
          const row = bi * T + t;
          const read = mask === null || mask[row] === 1;
          for (let j = 0; j < H; j++) {
            const k = bi * H + j;
            if (!read) {
              carried[k] = dh[k]!;
              continue;
            }
            const h = hs[(s + 1) * N + k]!;
            dz[row * H + j] = dh[k]! * (1 - h * h);
          }
        }
      };
      backThroughTime({ shape: [B, T, H], width: H, goBackwards: back, sequences: seq, dOut: dy.dataSync() as Float32Array, uT, dz, cell });
      uT.dispose();
      return weightGradients(dz, H, xSaved, wSaved, hPrevByRow, H);
    };
    return { value, gradFunc };
  };
}

/** Whether the fused SimpleRNN computes this layer's call exactly (otherwise tfjs's SimpleRNN runs it). */
export function fusedSimpleRnnCovers(args: Record<string, unknown>): boolean {
  return fusedRecurrentCovers(args, { activation: 'tanh' });
}

/** Installs the fused call on a tfjs SimpleRNN layer. */
export function useFusedSimpleRnn(layer: tf.layers.Layer): tf.layers.Layer {
  return installFusedCall(layer, simpleRnnCall(layer as unknown as RecurrentLike));
}
