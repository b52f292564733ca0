import { isCall, isIdent, isTuple, type Value } from '../../lang/ast.js';

/**
 * Python's `repr` for the values our parser produces, so messages and formatted layer calls read
 * exactly like what a Keras user types and what Keras prints.
 */

/**
 * Python `repr(float)`: shortest round-trip digits (JS computes the same digits), positional
 * between 1e-4 and 1e16, otherwise exponent with a sign and at least two digits (`1e-05`).
 */
export function pyFloat(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = n.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  return `${sign}${whole}.${digits.slice(exp + 1) || '0'}`;
}

/** A number as Python shows it when we do not know whether it was an int: `3`, `0.5`. */
export function pyNumber(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e16 ? String(n) : pyFloat(n);
}

/** Python `repr(str)`: single quotes unless the text holds one and no double quote. */
export function pyStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/\r/g, '\\r');
  return quote + (quote === "'" ? body.replace(/'/g, "\\'") : body) + quote;
}

/** `(3,)`, `(3, 3)`, `()`: how Python prints a tuple of already-formatted items. */
export function pyTupleText(items: readonly string[]): string {
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/** Generic Python repr of any parser value (numbers shown as typed ints or floats). */
export function pyRepr(v: Value): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return pyNumber(v);
  if (typeof v === 'string') return pyStr(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (isTuple(v)) return pyTupleText(v.items.map(pyRepr));
  if (isIdent(v)) return v.name;
  if (isCall(v)) {
    const parts = [...v.args.map(pyRepr), ...Object.entries(v.kwargs).map(([k, x]) => `${k}=${pyRepr(x)}`)];
    return `${v.name}(${parts.join(', ')})`;
  }
  return String(v);
}
