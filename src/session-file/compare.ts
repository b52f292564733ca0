import { maskVolatile } from './mask.js';

/** How far a recorded number may be from a new one: |new - old| <= atol + rtol * |old|. */
export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
}

/**
 * Defaults for numbers printed as Keras prints losses and metrics, with 4 decimals. Rounding to 4
 * decimals alone moves the last digit by one (1e-4); float32 training run by another backend or
 * CPU (other summation order, other SIMD width) drifts by up to about 1e-3 relative after a few
 * epochs. atol 5e-4 covers the rounding of small values (a loss near 0), rtol 1e-3 the drift of
 * larger ones (a loss of 1.77 may move by 0.0022, an MSE of 1234.5678 by 1.2). A loss 0.2% off
 * still fails, and integers (parameter counts, shapes, epochs) must be equal.
 */
export const DEFAULT_TOLERANCE: Tolerance = { rtol: 1e-3, atol: 5e-4 };

const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;

/**
 * The line with every number taken out (`\0` marks where), and the numbers in order. Integers as
 * written (`40`, `(None, 8)`, `Epoch 3/20`) are counts and shapes: they stay in the skeleton, so
 * they must be equal; only numbers with a point or an exponent get the tolerance.
 */
function splitNumbers(line: string): { skeleton: string; numbers: number[] } {
  const numbers: number[] = [];
  const skeleton = line.replace(NUMBER, (m) => {
    if (!/[.eE]/.test(m)) return m;
    numbers.push(Number.parseFloat(m));
    return '\0';
  });
  return { skeleton, numbers };
}

function numbersClose(recorded: number, actual: number, tol: Tolerance): boolean {
  if (recorded === actual) return true;
  return Math.abs(actual - recorded) <= tol.atol + tol.rtol * Math.abs(recorded);
}

/**
 * Whether an output line matches its recording: the same text once volatile fields are masked,
 * with every number within the tolerance of the recorded one.
 */
export function linesMatch(recorded: string, actual: string, tol: Tolerance = DEFAULT_TOLERANCE): boolean {
  const a = maskVolatile(recorded);
  const b = maskVolatile(actual);
  if (a === b) return true;
  const x = splitNumbers(a);
  const y = splitNumbers(b);
  if (x.skeleton !== y.skeleton || x.numbers.length !== y.numbers.length) return false;
  return x.numbers.every((n, i) => numbersClose(n, y.numbers[i]!, tol));
}

/** Whether a whole output matches, line for line. */
export function outputsMatch(recorded: readonly string[], actual: readonly string[], tol: Tolerance = DEFAULT_TOLERANCE): boolean {
  return recorded.length === actual.length && recorded.every((line, i) => linesMatch(line, actual[i]!, tol));
}
