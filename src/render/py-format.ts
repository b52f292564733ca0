/**
 * Python's number formatting where Keras prints numbers: `f"{v:.4f}"`, `f"{v:.4e}"`, `"%d"`.
 * JavaScript's toFixed rounds an exact tie away from zero; Python rounds it to even (an accuracy
 * of 0.03125 prints 0.0312 in Keras), so ties are detected from the exact decimal expansion.
 */

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
