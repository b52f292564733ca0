/** Medians and spreads of repeated measurements. */

/** The median of `values` (NaN when empty). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Half the range as a fraction of the median: 0.05 means ±5%. */
export function spread(values: readonly number[]): number {
  if (values.length < 2) return 0;
  return (Math.max(...values) - Math.min(...values)) / 2 / median(values);
}

/** `24,128` (no decimals), `35.2` below 100. */
export function formatRate(rate: number): string {
  if (!Number.isFinite(rate)) return '—';
  return rate >= 100 ? Math.round(rate).toLocaleString('en-US') : rate.toFixed(1);
}

/** `0.12 (0.10–0.14)`: the median ratio and its range over the rounds. */
export function formatRatio(ratios: readonly number[]): string {
  if (ratios.length === 0) return '—';
  const digits = (n: number) => (n >= 10 ? n.toFixed(0) : n >= 1 ? n.toFixed(1) : n.toFixed(2));
  const m = digits(median(ratios));
  return ratios.length < 2 ? m : `${m} (${digits(Math.min(...ratios))}–${digits(Math.max(...ratios))})`;
}
