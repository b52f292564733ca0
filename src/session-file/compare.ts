import { maskVolatile } from './mask.js';

/** How far a recorded number may be from a new one: |new - old| <= atol + rtol * |old|. */
export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
}

/**
 * Defaults for numbers printed as Keras prints losses and metrics, with 4 decimals: rounding to
 * 4 decimals alone can move the last digit by one (1e-4), and float32 sums done in another order
 * (another backend, another CPU's SIMD width) move a loss near 1 by a few 1e-5 before rounding.
 * atol 5e-4 admits a few units in the last printed place and nothing more; rtol 1e-3 does the
 * same for large values (an MSE of 1234.5678). A parameter count that is off by one, or a loss
 * that changed in the third decimal, still fails.
 */
export const DEFAULT_TOLERANCE: Tolerance = { rtol: 1e-3, atol: 5e-4 };

const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;

/** The line with every number taken out (`\0` marks where), and the numbers in order. */
function splitNumbers(line: string): { skeleton: string; numbers: number[] } {
  const numbers: number[] = [];
  const skeleton = line.replace(NUMBER, (m) => {
    numbers.push(Number.parseFloat(m));
    return '\0';
  });
  return { skeleton, numbers };
}

export function numbersClose(recorded: number, actual: number, tol: Tolerance): boolean {
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
