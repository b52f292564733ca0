import { formatValue } from '../../lang/format-value.js';
import { formatPythonFloat, formatPythonString } from '../../lang/python-repr.js';

/**
 * Python's `repr` for the values our parser produces, so messages and formatted layer calls read
 * exactly like what a Keras user types and what Keras prints. The parser's formatters are the one
 * implementation (tested against real Python); these names are the catalog's short spellings.
 */

/** Python `repr(float)`: `0.0`, `0.5`, `1e-05`. */
export const pyFloat = formatPythonFloat;

/** Python `repr(str)`: `'relu'`, `"it's"`. */
export const pyStr = formatPythonString;

/** Generic Python repr of any parser value (integer-valued numbers as ints). */
export const pyRepr = formatValue;

/** A number as Python shows it when we do not know whether it was an int: `3`, `0.5`. */
export function pyNumber(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e16 ? String(n) : pyFloat(n);
}

/** `(3,)`, `(3, 3)`, `()`: how Python prints a tuple of already-formatted items. */
export function pyTupleText(items: readonly string[]): string {
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}
