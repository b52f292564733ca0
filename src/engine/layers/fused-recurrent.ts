/**
 * What the whole-sequence recurrent layers (fused-lstm.ts, fused-simple-rnn.ts) share: the host
 * matMul of one step, the mask read once, which layers they cover, and the call they install.
 */
import * as tf from '../backend/tf.js';
import { setDirect, untaped, type GradOp } from './direct.js';

type Kwargs = Record<string, unknown>;

/** What the fused layers read of a tfjs recurrent layer (LSTM or SimpleRNN): its config and weights. */
export interface RecurrentLike {
  readonly returnSequences: boolean;
  readonly goBackwards: boolean;
  readonly cell: {
    readonly units: number;
    readonly kernel: { read(): tf.Tensor };
    readonly recurrentKernel: { read(): tf.Tensor };
    readonly bias: { read(): tf.Tensor } | null;
  };
}

/** The values of a 2-D matMul of a host array [rows, k] with `w` ([k, n]), as a host array. */
export function hostMatMul(a: Float32Array, rows: number, k: number, w: tf.Tensor): Float32Array {
  const t = tf.tensor2d(a, [rows, k]);
  const r = tf.matMul(t, w);
  const out = r.dataSync() as Float32Array;
  t.dispose();
  r.dispose();
  return out;
}

/** The op's inputs for a call: x and the three weights, with a zero bias (`gates` × units wide) when the layer has none. */
export function recurrentInputs(layer: RecurrentLike, x: tf.Tensor, gates: number): tf.Tensor[] {
  const bias = layer.cell.bias?.read() ?? tf.zeros([gates * layer.cell.units]);
  return [x, layer.cell.kernel.read(), layer.cell.recurrentKernel.read(), bias];
}

/**
 * The opening of a host op (GradOp arguments: x, kernel, recurrent kernel, bias, save): saves what
 * the backward reads (tfjs frees a layer's input once the forward is done unless it is saved), and
 * projects every timestep's input at once.
 */
export function openHostOp(args: (tf.Tensor | tf.GradSaveFunc)[], rows: number, features: number): { x: tf.Tensor; w: tf.Tensor; u: tf.Tensor; xz: Float32Array } {
  const [x, w, u, b, save] = args as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  save([x, w, u]);
  return { x, w, u, xz: projectInputs(x, w, b, rows, features) };
}

/** Every timestep's input projection at once, x·W + b: row (b·T + t) of [B·T, width], on the host. */
export function projectInputs(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor, rows: number, features: number): Float32Array {
  const projected = tf.tidy(() => tf.add(tf.matMul(tf.reshape(x, [rows, features]), w), b));
  const values = projected.dataSync() as Float32Array;
  projected.dispose();
  return values;
}

/**
 * The gradients of x ([B, T, I]), the kernel, the recurrent kernel and the bias from every step's
 * pre-activation gradient `dz` (rows b·T + t, `width` wide) and the state before each step by row.
 */
export function weightGradients(dz: Float32Array, width: number, x: tf.Tensor, w: tf.Tensor, hPrevByRow: Float32Array, units: number): tf.Tensor[] {
  const [B, T, I] = x.shape as [number, number, number];
  return tf.tidy(() => {
    const dZ = tf.tensor2d(dz, [B * T, width]);
    const dx = tf.reshape(tf.matMul(dZ, w, false, true), [B, T, I]);
    const dw = tf.matMul(tf.reshape(x, [B * T, I]), dZ, true, false);
    const du = tf.matMul(tf.tensor2d(hPrevByRow, [B * T, units]), dZ, true, false);
    return [dx, dw, du, tf.sum(dZ, 0)];
  });
}

/**
 * The backward pass through time both host layers share. From the last step read to the first:
 * dh gets the output's gradient at that step; `cell(s, t, dh, carried)` writes that step's rows
 * (b·T + t, `width` wide) of `dz` and copies the dh of samples masked at the step into `carried`;
 * the step before receives dz·Uᵀ over those rows plus what was carried. `uT` is U transposed.
 */
export function backThroughTime(o: {
  readonly shape: readonly [batch: number, steps: number, units: number];
  readonly width: number;
  readonly goBackwards: boolean;
  readonly sequences: boolean;
  readonly dOut: Float32Array;
  readonly uT: tf.Tensor;
  readonly dz: Float32Array;
  readonly cell: (s: number, t: number, dh: Float32Array, carried: Float32Array) => void;
}): void {
  const [B, T, H] = o.shape;
  const N = B * H;
  let dh: Float32Array = new Float32Array(N);
  for (let s = T - 1; s >= 0; s--) {
    const t = o.goBackwards ? T - 1 - s : s;
    for (let k = 0; k < N; k++) dh[k]! += o.sequences ? o.dOut[(Math.floor(k / H) * T + s) * H + (k % H)]! : s === T - 1 ? o.dOut[k]! : 0;
    const carried = new Float32Array(N);
    o.cell(s, t, dh, carried);
    if (s === 0) break;
    const stepDz = new Float32Array(B * o.width);
    for (let b = 0; b < B; b++) stepDz.set(o.dz.subarray((b * T + t) * o.width, (b * T + t + 1) * o.width), b * o.width);
    const next = hostMatMul(stepDz, B, o.width, o.uT);
    for (let k = 0; k < N; k++) next[k]! += carried[k]!;
    dh = next;
  }
}

/** A step's mask row (1 = read, 0 = masked) per sample, or null when every step is read. */
export function maskValues(mask: tf.Tensor | null, batch: number, steps: number): Uint8Array | null {
  if (mask === null) return null;
  const values = mask.dataSync();
  const out = new Uint8Array(batch * steps);
  let all = true;
  for (let i = 0; i < out.length; i++) {
    out[i] = values[i] ? 1 : 0;
    if (!out[i]) all = false;
  }
  return all ? null : out;
}

/**
 * Whether a fused layer computes this call exactly: the activations it implements (Keras's
 * defaults when absent), no dropout, no returned state, not stateful. Otherwise tfjs's layer runs.
 */
export function fusedRecurrentCovers(args: Record<string, unknown>, activations: Readonly<Record<string, string>>): boolean {
  const zero = (v: unknown) => v === undefined || v === null || v === 0;
  return (
    Object.entries(activations).every(([key, name]) => (args[key] ?? name) === name) &&
    zero(args['dropout']) &&
    zero(args['recurrent_dropout']) &&
    args['return_state'] !== true &&
    args['stateful'] !== true
  );
}

/** A fused layer's op for one call, on x and the three weights (a zero bias when the layer has none). */
export type FusedCall = (x: tf.Tensor, mask: tf.Tensor | null) => { op: GradOp; inputs: tf.Tensor[] };

/**
 * Replaces a tfjs recurrent layer's call with the fused op (weights, config and serialization stay
 * tfjs's), and gives the layer a step for klayers' own training loop (direct.ts) with the same op
 * off the tape; a call the op does not cover (an initial state given) goes to tfjs's own.
 */
export function installFusedCall(layer: tf.layers.Layer, call: FusedCall): tf.layers.Layer {
  const own = layer.call.bind(layer);
  // The cell has its bias once built, or null with use_bias=False.
  const hasBias = () => (layer as unknown as RecurrentLike).cell.bias != null;
  layer.call = (inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] => {
    if (kwargs?.['initialState'] != null || (Array.isArray(inputs) && inputs.length !== 1)) return own(inputs, kwargs);
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const rawMask = kwargs?.['mask'] as tf.Tensor | tf.Tensor[] | null | undefined;
    const { op, inputs: args } = call(x, (Array.isArray(rawMask) ? rawMask[0] : rawMask) ?? null);
    const y = (tf.customGrad(op as Parameters<typeof tf.customGrad>[0]) as (...t: tf.Tensor[]) => tf.Tensor)(...args);
    if (!hasBias()) args[3]!.dispose();
    return y;
  };
  setDirect(layer, {
    forward(x, needsInput) {
      const { op, inputs } = call(x, null);
      const pass = untaped(op, inputs);
      return {
        y: pass.y,
        backward(dy) {
          const [dx, dw, du, db] = pass.backward(dy);
          return { dx: needsInput ? dx! : null, grads: hasBias() ? [dw!, du!, db!] : [dw!, du!] };
        },
      };
    },
  });
  return layer;
}
