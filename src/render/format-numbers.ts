/**
 * Number formats of Keras's summary footer: `55,050` and `215.04 KB`.
 */

/** Python's `f"{n:,}"`: thousands separated by commas (`55,050`, `0`, `-1,024`). */
export function formatParamCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.trunc(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const UNITS_KERAS3 = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;
/** tf.keras 2.13-2.15 spelled bytes as `Byte`: `0 (0.00 Byte)`. */
export const UNITS_KERAS2 = ['Byte', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/**
 * Keras's `readable_memory_size`: 1024-based units, two decimals (`215.04 KB`, `0.00 B`).
 * The unit is chosen from the unrounded value, as Keras does (so 1023.999 KB prints as
 * `1024.00 KB`). Python rounds exact ties to even (`1.125` -> `1.12`), which JS's toFixed
 * does not, so integer byte counts are rounded with exact integer arithmetic.
 */
export function formatBytes(bytes: number, units: readonly string[] = UNITS_KERAS3): string {
  let value = bytes;
  let power = 0;
  for (const unit of units) {
    if (value / 1024 < 1) return `${twoDecimals(bytes, value, power)} ${unit}`;
    value /= 1024;
    power += 1;
  }
  // Keras divides once more after the last unit and still labels it with the last unit.
  return `${twoDecimals(bytes, value, power)} ${units[units.length - 1]}`;
}

/** `value` (= bytes / 1024**power) with two decimals, ties to even like Python's format. */
function twoDecimals(bytes: number, value: number, power: number): string {
  if (!Number.isSafeInteger(bytes) || bytes < 0) return value.toFixed(2);
  const denominator = 1024n ** BigInt(power);
  const scaled = BigInt(bytes) * 100n;
  let hundredths = scaled / denominator;
  const twiceRemainder = (scaled % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && hundredths % 2n === 1n)) {
    hundredths += 1n;
  }
  const whole = hundredths / 100n;
  const fraction = String(hundredths % 100n).padStart(2, '0');
  return `${whole}.${fraction}`;
}
