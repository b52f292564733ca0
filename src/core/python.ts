/**
 * Python's number and string formatting, wherever klayers prints what Python would: `repr` of
 * floats and strings (`1e-05`, `0.001`, `'relu'`, `"it's"`), and the `f"{v:.4f}"`/`f"{v:.4e}"`
 * forms Keras prints metrics with. Tested against real Python.
 */

/** Python's float repr: shortest round-trip digits, exponent form below 1e-4 and from 1e16 on. */
export function formatPythonFloat(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  // toExponential() with no argument gives the shortest digits that round-trip, like Python's repr.
  const [mantissa, exponentText] = Math.abs(v).toExponential().split('e');
  const digits = mantissa!.replace('.', '');
  const exponent = Number(exponentText);
  const pointAt = exponent + 1; // digits are 0.ddd × 10^pointAt
  const sign = v < 0 ? '-' : '';
  if (pointAt <= -4 || pointAt > 16) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const exp = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
    return `${sign}${digits[0]}${fraction}e${exp}`;
  }
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return `${sign}${digits}${'0'.repeat(pointAt - digits.length)}.0`;
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

/** Characters Python's str.isprintable() rejects (other than ASCII, handled separately). */
const NON_PRINTABLE = /^[\p{C}\p{Z}]$/u;
const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Python's str repr: single quotes unless the text has `'` and no `"`; escapes as Python does. */
export function formatPythonString(s: string): string {
  return quotedPythonString(s, s.includes("'") && !s.includes('"') ? '"' : "'");
}

/** A Python str literal in double quotes, escaped as repr escapes: `"setosa"`, `"it's"`. */
export function formatPythonDoubleQuoted(s: string): string {
  return quotedPythonString(s, '"');
}

function quotedPythonString(s: string, quote: "'" | '"'): string {
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === quote) out += `\\${ch}`;
    else if (Object.hasOwn(NAMED_ESCAPES, ch)) out += NAMED_ESCAPES[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
    else if (code >= 0x80 && NON_PRINTABLE.test(ch)) out += escapeCodePoint(code);
    else out += ch;
  }
  return out + quote;
}

function escapeCodePoint(code: number): string {
  if (code < 0x100) return `\\x${hex(code, 2)}`;
  if (code < 0x10000) return `\\u${hex(code, 4)}`;
  return `\\U${hex(code, 8)}`;
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

/** A number as Python shows it when we do not know whether it was an int: `3`, `0.5`. */
export function pyNumber(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e16 ? String(n) : formatPythonFloat(n);
}

// `f"{v:.4f}"` and friends. JavaScript's toFixed rounds an exact tie away from zero; Python rounds
// it to even (an accuracy of 0.03125 prints 0.0312 in Keras), so ties are detected from the exact
// decimal expansion.


/** `f"{v:.{digits}f}"` */
export function pyFixed(v: number, digits: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  const rounded = v.toFixed(digits);
  if (Math.abs(v) >= 1e21) return rounded;
  // toFixed(100) is exact for any double above ~1e-80: a tie shows as 5 followed only by zeros.
  const exact = Math.abs(v).toFixed(100);
  const point = exact.indexOf('.');
  if (!/^50*$/.test(exact.slice(point + 1 + digits))) return rounded;
  const kept = exact.slice(0, point + 1 + digits);
  // JavaScript rounded the tie up in magnitude: right when that makes the last digit even.
  if (Number(kept.replace('.', '').slice(-1)) % 2 === 1) return rounded;
  return `${v < 0 ? '-' : ''}${digits === 0 ? kept.slice(0, -1) : kept}`;
}

/** `f"{v:.{digits}e}"`: `1.2346e-04`, exponent signed with at least two digits. */
export function pyExponent(v: number, digits: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  const [mantissa, exponent] = v.toExponential(digits).split('e');
  const e = Number(exponent);
  return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}
