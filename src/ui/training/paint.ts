import pc from 'picocolors';
import type { LivePaint } from './live-text.js';

/**
 * The live view's colours: train loss cyan and val_loss yellow (the chart's solid and dashed
 * lines tell them apart without colour too), Keras's bar green over grey, the notes dim.
 * Without colour the bar's remaining part is drawn thin (━━━━━───), since Keras tells the two
 * parts apart by colour alone.
 */
export function livePaint(colors: boolean): LivePaint {
  if (!colors) return { series: [], bar: { todo: (s) => s.replaceAll('━', '─') }, note: (s) => s };
  const c = pc.createColors(true);
  return { series: [c.cyan, c.yellow], bar: { done: c.green, todo: c.gray, bold: c.bold }, note: c.gray };
}
