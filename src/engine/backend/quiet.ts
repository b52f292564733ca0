/**
 * Keep three tfjs messages away from users, and nothing else:
 *  - tfjs-node's "INT64 output tensor will be stored as BigInt64Array" for an int64 klayers makes;
 *  - the cpu backend's "Hi, looks like you are running TensorFlow.js in Node.js" banner, printed
 *    through tfjs's own logger on the backend's first tensor write;
 *  - the Orthogonal initializer's "Slowness may result" console.warn (LSTM(32) and up).
 */
import type * as TF from './tf.js';

/**
 * Make the cpu backend's first tensor write while tfjs's `PROD` flag is on. tfjs's logger is silent
 * in PROD, and the banner is only ever printed on that first write, so after this call it can never
 * appear; `PROD` is restored at once so every later tfjs warning still prints.
 */
export function quietFirstTensor(tf: typeof TF): void {
  const env = tf.env();
  const wasProd = env.getBool('PROD');
  env.set('PROD', true);
  try {
    tf.scalar(0).dispose();
  } finally {
    env.set('PROD', wasProd);
  }
}

const ORTHOGONAL_SLOWNESS = /^Orthogonal initializer is being called on a matrix with more than/;
const INT64_AS_INT32 = /^INT64 output tensor will be stored/;

/** Run `fn` with console.warn messages matching `pattern` filtered out; every other message passes through. */
function withoutWarning<T>(pattern: RegExp, fn: () => T): T {
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && pattern.test(args[0])) return;
    original(...args);
  };
  try {
    return fn();
  } finally {
    console.warn = original;
  }
}

/** Run `fn` (which may initialize weights) without the Orthogonal "Slowness may result" warning. */
export function withoutOrthogonalWarning<T>(fn: () => T): T {
  return withoutWarning(ORTHOGONAL_SLOWNESS, fn);
}

/** Run `fn` without tfjs-node's note that it shows an int64 TensorFlow output as int32 (klayers passes such tensors only back into TensorFlow). */
export function withoutInt64Warning<T>(fn: () => T): T {
  return withoutWarning(INT64_AS_INT32, fn);
}
