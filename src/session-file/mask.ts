/**
 * Volatile fields of an output line: what changes from run to run on the same machine even when
 * the numbers a model learns do not (timings, rates, dates). `--check` masks them on both sides.
 */

/** Order matters: the `ms/step` form is masked before a bare `41ms`. */
const VOLATILE: readonly (readonly [RegExp, string])[] = [
  [/\b\d+(?:\.\d+)?(?:ms|us|µs|s)\/(?:step|sample)\b/g, '<time>/step'],
  [/\bETA:?\s*(?:\d+:)*\d+(?:\.\d+)?(?:ms|s|m|h)?/g, 'ETA <time>'],
  [/\b\d[\d,]*(?:\.\d+)?(?:[kM])?\s*samples\/s\b/g, '<rate> samples/s'],
  [/\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/g, '<date>'],
  [/\b\d{1,2}:\d{2}:\d{2}(?:\.\d+)?\b/g, '<clock>'],
  [/\b\d+(?:\.\d+)?(?:ms|us|µs|s|min|h)\b/g, '<time>'],
];

/**
 * The line with timings (`0s`, `41ms/step`, `ETA 3s`), rates (`1,234 samples/s`), dates and
 * clock times replaced by placeholders, and trailing spaces dropped (editors strip them).
 */
export function maskVolatile(line: string): string {
  let out = line.trimEnd();
  for (const [pattern, placeholder] of VOLATILE) out = out.replace(pattern, placeholder);
  return out;
}
