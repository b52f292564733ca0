import { DIGIT_GLYPHS, GLYPH_HEIGHT, GLYPH_WIDTH } from './digits-glyphs.js';
import type { Random } from './random.js';

/** Output images are SIZE×SIZE; they are drawn at twice that and averaged down, like sklearn's digits. */
export const SIZE = 8;
const FINE = SIZE * 2;
/** Top-left of an unshifted glyph on the fine canvas: it is drawn 2× (10×14) and centred. */
const LEFT = (FINE - GLYPH_WIDTH * 2) / 2;
const TOP = (FINE - GLYPH_HEIGHT * 2) / 2;

/**
 * One 8×8 image of `digit` as 64 intensities 0–16 (row by row), like scikit-learn's digits:
 * the glyph is shifted by up to one output pixel, its strokes randomly thickened, each 2×2 block
 * of the fine canvas summed into one pixel (0–4 inked cells → 0–16), then pixel noise of
 * standard deviation noise·16 added and the result rounded and clipped to 0–16.
 */
export function renderDigit(random: Random, digit: number, noise: number): number[] {
  const fine = drawFine(random, digit);
  const pixels: number[] = [];
  for (let row = 0; row < SIZE; row++) {
    const upper = fine[2 * row]!;
    const lower = fine[2 * row + 1]!;
    for (let col = 0; col < SIZE; col++) {
      const inked = upper[2 * col]! + upper[2 * col + 1]! + lower[2 * col]! + lower[2 * col + 1]!;
      const value = inked * 4 + (noise > 0 ? random.normal(0, noise * 16) : 0);
      pixels.push(Math.min(16, Math.max(0, Math.round(value))));
    }
  }
  return pixels;
}

/** Inked cells of each glyph as [column, row] pairs, worked out once. */
const GLYPH_CELLS: readonly (readonly [number, number])[][] = DIGIT_GLYPHS.map((lines) =>
  lines.flatMap((line, gy) => [...line].flatMap((cell, gx) => (cell === '#' ? [[gx, gy] as const] : []))),
);

/** The glyph at 2× on a 16×16 canvas of 0/1 cells, shifted and thickened. */
function drawFine(random: Random, digit: number): Uint8Array[] {
  const canvas = Array.from({ length: FINE }, () => new Uint8Array(FINE));
  const dx = random.integer(-2, 2);
  const dy = random.integer(-1, 1);
  const height = random.uniform(0, 1) < 0.3 ? 3 : 2;
  const width = random.uniform(0, 1) < 0.5 ? 3 : 2;
  for (const [gx, gy] of GLYPH_CELLS[digit]!) {
    const top = TOP + 2 * gy + dy;
    const left = LEFT + 2 * gx + dx;
    for (let row = Math.max(0, top); row < Math.min(FINE, top + height); row++) {
      for (let col = Math.max(0, left); col < Math.min(FINE, left + width); col++) canvas[row]![col] = 1;
    }
  }
  return canvas;
}
