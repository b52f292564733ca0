/**
 * Compiling the session's model: a new optimizer (fresh state) only when the optimizer config
 * changed or the model was rebuilt, so recompiling with the same optimizer keeps its moments.
 */
import { lossFunction } from './losses.js';
import { metricFunction } from './metrics.js';
import type { SessionModel } from '../build/model-store.js';
import { createOptimizer } from './optimizers.js';
import type { ResolvedCompile } from '../../core/training.js';
import { maskedBy } from '../keras/output-mask.js';

export function compileSessionModel(entry: SessionModel, compile: ResolvedCompile): void {
  const key = JSON.stringify(compile);
  if (entry.compileKey === key) return;
  const optimizerKey = JSON.stringify(compile.optimizer);
  if (!entry.optimizer || entry.optimizerKey !== optimizerKey) {
    const next = createOptimizer(compile.optimizer);
    entry.optimizer?.dispose();
    entry.optimizer = next;
    entry.optimizerKey = optimizerKey;
  }
  entry.model.compile({
    optimizer: entry.optimizer,
    loss: maskedBy(entry.model, lossFunction(compile.loss)),
    metrics: compile.metrics.map((m) => maskedBy(entry.model, metricFunction(m.fn, m.name))),
  });
  // tfjs checks an array target's shape against the output's unless the loss is its own sparse
  // crossentropy (by identity); ours takes one class index per sample, as Keras's does.
  if (compile.loss === 'sparse_categorical_crossentropy') {
    const model = entry.model as unknown as { feedOutputShapes: (number | null)[][] };
    model.feedOutputShapes = model.feedOutputShapes.map((shape) => [...shape.slice(0, -1), 1]);
  }
  entry.compileKey = key;
}
