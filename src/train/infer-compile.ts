import type { Dataset } from '../data/encode/dataset.js';
import type { ModelIO } from './model-io.js';

/**
 * The loss a Keras user would pick: from the data's task when data is loaded (a binary target
 * with a 2-unit softmax output takes categorical crossentropy), else from the last activation.
 */
export function inferLoss(dataset: Dataset | null, io: ModelIO | null): string {
  if (dataset) {
    if (dataset.task === 'regression') return 'mse';
    if (dataset.task === 'binary' && (io?.units ?? 1) === 1) return 'binary_crossentropy';
    return 'categorical_crossentropy';
  }
  if (io?.activation === 'softmax') return 'categorical_crossentropy';
  if (io?.activation === 'sigmoid') return 'binary_crossentropy';
  return 'mse';
}

/** Classification → accuracy; regression → mae (from the task, else from the loss). */
export function inferMetrics(dataset: Dataset | null, loss: string): string[] {
  const classification = dataset ? dataset.task !== 'regression' : /crossentropy|hinge/.test(loss);
  return classification ? ['accuracy'] : ['mae'];
}

/** `inferred from the data: classification (3 classes)`-style reason shown after compile. */
export function inferenceReason(dataset: Dataset | null): string {
  if (!dataset) return 'inferred from the last layer (no data loaded)';
  const task = dataset.task === 'regression' ? 'regression' : dataset.task === 'binary' ? 'binary classification' : `classification, ${dataset.classNames?.length ?? 0} classes`;
  return `inferred from the data: ${task}`;
}
