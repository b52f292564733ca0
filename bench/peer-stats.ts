/** Medians, spreads and the table of the peer bench: pure, from lists of samples/s. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `24,128 ±3%`: the median and half the min–max range relative to it. */
export function formatRate(values: readonly number[]): string {
  if (values.length === 0) return '—';
  const m = median(values);
  const spread = (Math.max(...values) - Math.min(...values)) / 2 / m;
  return `${Math.round(m).toLocaleString('en-US')} ±${Math.round(spread * 100)}%`;
}

/** `0.14 (0.12–0.16)`: median ratio of medians, and the range from the worst and best rounds. */
export function formatRatio(ours: readonly number[], theirs: readonly number[]): string {
  if (ours.length === 0 || theirs.length === 0) return '—';
  const r = (n: number) => (n >= 10 ? n.toFixed(0) : n >= 1 ? n.toFixed(1) : n.toPrecision(2));
  return `${r(median(ours) / median(theirs))} (${r(Math.min(...ours) / Math.max(...theirs))}–${r(Math.max(...ours) / Math.min(...theirs))})`;
}
