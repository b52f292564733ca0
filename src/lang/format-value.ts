/** Prints a parsed value back as Python source, the way Keras users see values in Python. */
import { type Value, isCall, isIdent, isTuple } from './ast.js';
import { formatPythonFloat, formatPythonString } from '../core/python.js';

/**
 * Python repr of a value: `None`, `True`, `'relu'`, `64`, `0.5`, `1e-05`, `(3, 3)`, `(4,)`,
 * `[1, 2]`, `Dense(64, activation='relu')`, `relu`. Integer-valued numbers print as ints
 * (up to 1e16, where Python floats switch to exponent form). `parseLine` reads the text back.
 */
export function formatValue(v: Value): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return formatPythonString(v);
  if (Array.isArray(v)) return `[${v.map(formatValue).join(', ')}]`;
  if (isTuple(v)) {
    const items = v.items.map(formatValue);
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  if (isCall(v)) {
    const positional = v.args.map(formatValue);
    const keywords = Object.entries(v.kwargs).map(([key, value]) => `${key}=${formatValue(value)}`);
    return `${v.name}(${[...positional, ...keywords].join(', ')})`;
  }
  if (isIdent(v)) return v.name;
  return String(v);
}

function formatNumber(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e16 && !Object.is(v, -0)) return String(v);
  return formatPythonFloat(v);
}
