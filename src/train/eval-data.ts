import { UserError } from '../core/user-error.js';
import type { DataSplit, Dataset } from '../data/encode/dataset.js';
import type { KlayersSession } from '../session/klayers-session.js';

/** The loaded dataset, or the error `evaluate`/`predict` give without one. */
export function requireDataset(session: KlayersSession, command: string): Dataset {
  const loaded = session.data;
  if (!loaded) throw new UserError(`No data to ${command} on yet.`, 'Load some first: load builtin:iris, or load PATH.csv target=COLUMN.');
  return loaded.dataset;
}

/** The test split, else the validation split (as the issue asks), with its name. */
export function heldOutSplit(dataset: Dataset): { name: 'test' | 'validation'; split: DataSplit } {
  if (dataset.test.size > 0) return { name: 'test', split: dataset.test };
  if (dataset.validation.size > 0) return { name: 'validation', split: dataset.validation };
  throw new UserError('The data has no test or validation rows to evaluate on.', 'Make some: split validation=0.2 test=0.1');
}
