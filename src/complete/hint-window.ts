import type { SignatureHint } from './types.js';

/**
 * Fits `Name(p0, p1, ...)` into `width` columns. When it is too long, parameters give way to `…`
 * on either side, but the current one always stays in view: the window starts at the first
 * parameter when it can, and otherwise slides right to the current one.
 */

function render(head: string, params: readonly string[], lo: number, hi: number): { text: string; starts: number[] } {
  let text = `${head}(${lo > 0 ? '…, ' : ''}`;
  const starts: number[] = [];
  for (let i = lo; i <= hi; i++) {
    if (i > lo) text += ', ';
    starts[i] = text.length;
    text += params[i];
  }
  text += hi < params.length - 1 ? ', …)' : ')';
  return { text, starts };
}

function hint(head: string, params: readonly string[], lo: number, hi: number, current: number | null): SignatureHint {
  const { text, starts } = render(head, params, lo, hi);
  if (current === null || current < lo || current > hi) return { text, highlight: null };
  return { text, highlight: [starts[current]!, starts[current]! + params[current]!.length] };
}

/** The signature text for `width` columns with parameter `current` (or none) highlighted. */
export function fitSignature(head: string, params: readonly string[], current: number | null, width: number): SignatureHint {
  const n = params.length;
  if (n === 0) return { text: `${head}()`, highlight: null };
  const fits = (lo: number, hi: number) => render(head, params, lo, hi).text.length <= width;
  if (fits(0, n - 1)) return hint(head, params, 0, n - 1, current);
  const focus = current ?? 0;
  let lo = fits(0, focus) ? 0 : focus;
  let hi = focus;
  // Grow on both sides in turn, so the current parameter keeps some context before it.
  for (let grew = true; grew; ) {
    grew = false;
    if (hi + 1 < n && fits(lo, hi + 1)) (hi++, (grew = true));
    if (lo > 0 && fits(lo - 1, hi)) (lo--, (grew = true));
  }
  const shown = hint(head, params, lo, hi, current);
  if (shown.text.length <= width) return shown;
  // Even the current parameter alone is too wide: cut the end, keeping what fits highlighted.
  const text = `${shown.text.slice(0, width - 1)}…`;
  const h = shown.highlight;
  const highlight: [number, number] | null = h && h[0] < width - 1 ? [h[0], Math.min(h[1], width - 1)] : null;
  return { text, highlight };
}
