import type { CompileConfig } from '../core/training.js';
import { isIdent, isList, isTuple, type Value } from '../lang/ast.js';
import { formatPythonString } from '../core/python.js';
import { UserError } from '../core/user-error.js';
import { didYouMean } from '../core/suggest.js';
import { LOSS_NAMES, METRIC_NAMES, STATEFUL_METRICS } from './keras-names.js';
import { type LossFunction } from '../core/training.js';
import { formatOptimizer } from './optimizer-config.js';
import { formatValue } from '../lang/format-value.js';

function word(v: Value, what: string): string {
  if (typeof v === 'string') return v;
  if (isIdent(v)) return v.name.replace(/^(keras\.)?(losses\.|metrics\.)?/, '');
  throw new UserError(`Expected a ${what} name. Received: ${what}=${formatValue(v)}`);
}

/** A Keras loss name (`categorical_crossentropy`, `mse`, …), checked. */
export function parseLoss(v: Value): string {
  const name = word(v, 'loss');
  if (LOSS_NAMES[name]) return name;
  throw new UserError(`Could not interpret loss identifier: ${name}.${didYouMean(name, Object.keys(LOSS_NAMES))}`, `Losses: ${Object.keys(LOSS_NAMES).join(', ')}.`);
}

/** The canonical loss function of a checked loss name. */
export function lossFunctionOf(name: string): LossFunction {
  return LOSS_NAMES[name]!;
}

/** `metrics=[accuracy, 'mae']` or a single name, checked. */
export function parseMetrics(v: Value): string[] {
  const items = isList(v) ? v : isTuple(v) ? v.items : [v];
  return items.map((item) => {
    const name = word(item, 'metric');
    if (METRIC_NAMES[name]) return name;
    if ((STATEFUL_METRICS as readonly string[]).includes(name.toLowerCase())) {
      throw new UserError(`The metric '${name}' keeps state across batches, which klayers does not track yet.`, 'Use accuracy, mae or mse.');
    }
    throw new UserError(`Could not interpret metric identifier: ${name}.${didYouMean(name, Object.keys(METRIC_NAMES))}`, `Metrics: ${Object.keys(METRIC_NAMES).join(', ')}.`);
  });
}

/** `model.compile(optimizer=Adam(...), loss='mse', metrics=['mae'])`, as a Keras user writes it. */
export function formatCompile(c: CompileConfig): string {
  const metrics = `[${c.metrics.map(formatPythonString).join(', ')}]`;
  return `model.compile(optimizer=${formatOptimizer(c.optimizer)}, loss=${formatPythonString(c.loss)}, metrics=${metrics})`;
}
