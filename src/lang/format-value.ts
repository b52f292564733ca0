/** Prints a parsed value back as Python source, the way Keras users see values in Python. */
import { type Value, isCall, isIdent, isTuple } from './ast.js';
import { formatPythonFloat, formatPythonString } from '../core/python.js';
import { DICT, OPERATOR_PREFIX } from './operators.js';

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
  if (isCall(v) && v.name.startsWith(OPERATOR_PREFIX)) return formatOperator(v.name.slice(OPERATOR_PREFIX.length), v.args);
  if (isCall(v) && v.name === DICT && v.args.length === 0) {
    return `{${Object.entries(v.kwargs).map(([key, value]) => `${formatPythonString(key)}: ${formatValue(value)}`).join(', ')}}`;
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

/** Arithmetic the parser kept as data, printed back as Python (each operand parenthesized). */
function formatOperator(op: string, args: readonly Value[]): string {
  const [a = null, b = null] = args;
  if (op === 'neg') return `-(${formatValue(a)})`;
  if (op === '[]') return `(${formatValue(a)})[${formatIndex(b)}]`;
  return `(${formatValue(a)}) ${op} (${formatValue(b)})`;
}

function formatIndex(v: Value): string {
  if (isCall(v) && v.name === `${OPERATOR_PREFIX}:`) return v.args.map((x) => (x === null ? '' : formatValue(x))).join(':');
  return formatValue(v);
}
