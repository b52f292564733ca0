/**
 * What `fit` prints when it is done: a note when the model changed since the last fit, one
 * Keras verbose=2 line per epoch, the curves of this fit, and a closing line (where it stopped,
 * the best validation epoch).
 */
import { message, text, type Block, type ChartBlock } from './blocks.js';
import { formatEpochLine, formatMetric } from './progress.js';
import type { FitOutcome, ModelChange, Logs } from '../core/training.js';

/** `Model changed since the last fit: dense_2 starts from new weights; dense keeps its trained weights.` */
export function changeNote(change: ModelChange): Block | null {
  if (!change.rebuilt || !change.hadWeights) return null;
  const reset = change.reset.length > 0 ? `${change.reset.join(', ')} ${change.reset.length === 1 ? 'starts' : 'start'} from new weights` : 'no layer lost its weights';
  const kept = change.kept.length > 0 ? `; ${change.kept.join(', ')} ${change.kept.length === 1 ? 'keeps its' : 'keep their'} trained weights` : '';
  return message(`Model changed since the last fit: ${reset}${kept}. The optimizer starts afresh.`);
}

/** Chart of the named series over `logs` (one entry per epoch), drawn at the width of the output. */
export function curves(logs: readonly Logs[], names: readonly string[], firstEpoch = 1): ChartBlock {
  const series = names.map((name) => ({ name, values: logs.map((l) => l[name] ?? NaN) }));
  return { kind: 'chart', series, height: 10, firstEpoch };
}

function bestLine(logs: readonly Logs[]): string {
  const key = logs.some((l) => 'val_loss' in l) ? 'val_loss' : 'loss';
  let best = -1;
  logs.forEach((l, i) => {
    if (l[key] !== undefined && (best < 0 || l[key]! < logs[best]![key]!)) best = i;
  });
  return best < 0 ? '' : `Best ${key}: ${formatMetric(logs[best]![key]!)} at epoch ${best + 1}.`;
}

function stopLine(outcome: FitOutcome, firstEpoch: number, epochs: number, patience: number | null): string {
  const s = outcome.stopped;
  if (!s) return '';
  const at = `epoch ${s.epoch - firstEpoch + 1}/${epochs}`;
  if (s.reason === 'early_stopping') return `Early stopping after ${at}: ${outcome.epochs.some((e) => 'val_loss' in e.logs) ? 'val_loss' : 'loss'} did not improve for ${patience} epochs.`;
  const how = s.reason === 'abort' ? 'Aborted' : 'Stopped';
  return `${how} in ${at} after step ${s.step}/${outcome.stepsPerEpoch}; the weights and the history so far are kept.`;
}

export function fitBlocks(outcome: FitOutcome, options: { epochs: number; verbose: 0 | 1 | 2; patience: number | null }, firstEpoch: number): Block[] {
  const blocks: Block[] = [];
  const note = changeNote(outcome.change);
  if (note) blocks.push(note);
  const logs = outcome.epochs.map((e) => e.logs);
  if (options.verbose !== 0 && outcome.epochs.length > 0) {
    const lines = outcome.epochs.flatMap((e) => [...(options.epochs > 1 ? [`Epoch ${e.epoch - firstEpoch + 1}/${options.epochs}`] : []), formatEpochLine(e, outcome.stepsPerEpoch)]);
    blocks.push(text(lines.join('\n')));
    const names = logs.some((l) => 'val_loss' in l) ? ['loss', 'val_loss'] : ['loss'];
    if (logs.length > 1) blocks.push(curves(logs, names));
  }
  const closing = [stopLine(outcome, firstEpoch, options.epochs, options.patience), bestLine(logs)].filter(Boolean).join(' ');
  if (closing) blocks.push(message(closing));
  return blocks;
}
