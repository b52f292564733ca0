import { isIdent, type Value } from '../../lang/ast.js';
import { invalidArg, type ArgContext } from './errors.js';
import { didYouMean } from '../../core/suggest.js';
import { lastSegment } from './values.js';

/** Keras 3's `ALLOWED_DTYPES` (keras/src/backend/common/dtypes.py). */
export const KERAS_DTYPES: readonly string[] = [
  'float16', 'float32', 'float64', 'uint8', 'uint16', 'uint32', 'uint64', 'int8', 'int16',
  'int32', 'int64', 'bfloat16', 'bool', 'string', 'float8_e4m3fn', 'float8_e5m2', 'complex64',
  'complex128',
];

/** Python type names Keras maps to dtypes (`dtype=float` is float32, `'int'` is int32). */
const PYTHON_TYPES: Readonly<Record<string, string>> = {
  float: 'float32', int: 'int32', bool: 'bool', str: 'string', complex: 'complex64',
};

/**
 * A dtype as `'float32'`, `float32`, `tf.float32`, `np.int32` or Python's `float`; None means
 * Keras's floatx, `'float32'`. Keras 3 serializes a layer's dtype as a DTypePolicy whose name is
 * this string; we keep the plain string.
 */
export function normalizeDtype(ctx: ArgContext, v: Value): Value {
  if (v === null) return 'float32';
  const raw = typeof v === 'string' ? v : isIdent(v) ? v.name : undefined;
  if (raw === undefined) throw invalidArg(ctx, "a dtype name such as 'float32'", v);
  const name = isIdent(v) ? lastSegment(raw) : raw;
  // Keras maps the Python types, and of their names only the string 'int'.
  const pythonType = isIdent(v) || name === 'int' ? PYTHON_TYPES[name] : undefined;
  const known = pythonType ?? (KERAS_DTYPES.includes(name) ? name : undefined);
  if (known) return known;
  throw invalidArg(ctx, 'a Keras dtype', v, `Invalid dtype: ${raw}.${didYouMean(name, KERAS_DTYPES)}`);
}
