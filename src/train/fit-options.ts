import type { Value } from '../lang/ast.js';
import { UserError } from '../core/user-error.js';
import { bool, int } from '../data/load-options.js';
import { formatValue } from '../lang/format-value.js';

/** `fit` arguments with Keras 3's defaults (epochs=1, batch_size=32, shuffle=True, verbose='auto'). */
export interface FitOptions {
  readonly epochs: number;
  readonly batchSize: number;
  readonly validationSplit: number | null;
  readonly shuffle: boolean;
  readonly classWeight: Value | null;
  /** `early_stopping=3`: Keras's EarlyStopping(patience=3). */
  readonly patience: number | null;
  /** 0 silent, 1 live view (+ the epoch lines afterwards), 2 epoch lines. 'auto' is 1. */
  readonly verbose: 0 | 1 | 2;
}

/** Keras's fit(batch_size=None) trains in batches of 32. */
export const DEFAULT_BATCH_SIZE = 32;

/** Keras's fit(epochs=1). */
export const DEFAULT_EPOCHS = 1;

function verbosity(v: Value): 0 | 1 | 2 {
  if (v === 0 || v === 1 || v === 2) return v;
  if (v === 'auto' || (typeof v === 'object' && v !== null && 'kind' in v && v.kind === 'ident' && v.name === 'auto')) return 1;
  throw new UserError(`Expected verbose to be 0, 1, 2 or 'auto'. Received: verbose=${formatValue(v)}`);
}

export function parseFitOptions(args: readonly Value[], kwargs: Readonly<Record<string, Value>>): FitOptions {
  if (args.length > 0) throw new UserError('fit takes only key=value settings.', 'Example: fit epochs=20 batch_size=32 validation_split=0.2');
  const k = kwargs;
  const split = k['validation_split'];
  if (split !== undefined && !(typeof split === 'number' && split >= 0 && split < 1)) {
    throw new UserError(`Expected validation_split to be a float in [0, 1). Received: validation_split=${formatValue(split)}`);
  }
  return {
    epochs: k['epochs'] === undefined ? DEFAULT_EPOCHS : int(k['epochs'], 'epochs', 1),
    batchSize: k['batch_size'] === undefined ? DEFAULT_BATCH_SIZE : int(k['batch_size'], 'batch_size', 1),
    validationSplit: typeof split === 'number' && split > 0 ? split : null,
    shuffle: k['shuffle'] === undefined ? true : bool(k['shuffle'], 'shuffle'),
    classWeight: k['class_weight'] ?? null,
    patience: k['early_stopping'] === undefined || k['early_stopping'] === false ? null : k['early_stopping'] === true ? 0 : int(k['early_stopping'], 'early_stopping', 0),
    verbose: k['verbose'] === undefined ? 1 : verbosity(k['verbose']),
  };
}
