/** `5.84`, `1,234`, `0.000123`: short numbers for tables. */
export function shortNumber(v: number): string {
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  const abs = Math.abs(v);
  if (abs >= 1e6 || abs < 1e-3) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
}
