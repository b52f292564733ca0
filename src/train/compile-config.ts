import { isIdent, isList, isTuple, type Value } from '../lang/ast.js';
import { formatPythonString } from '../lang/python-repr.js';
import { LayerError } from '../layers/types.js';
import { didYouMean } from '../layers/kinds/errors.js';
import { LOSS_NAMES, METRIC_NAMES, STATEFUL_METRICS, type LossFunction } from './keras-names.js';
import { formatOptimizer, type OptimizerConfig } from './optimizer-config.js';

/** What `compile` settled on; names as the user typed them (Keras logs them that way). */
export interface CompileConfig {
  readonly optimizer: OptimizerConfig;
  readonly loss: string;
  readonly metrics: readonly string[];
}

function word(v: Value, what: string): string {
  if (typeof v === 'string') return v;
  if (isIdent(v)) return v.name.replace(/^(keras\.)?(losses\.|metrics\.)?/, '');
  throw new LayerError(`Expected a ${what} name. Received: ${what}=${JSON.stringify(v)}`);
}

/** A Keras loss name (`categorical_crossentropy`, `mse`, …), checked. */
export function parseLoss(v: Value): string {
  const name = word(v, 'loss');
  if (LOSS_NAMES[name]) return name;
  throw new LayerError(`Could not interpret loss identifier: ${name}.${didYouMean(name, Object.keys(LOSS_NAMES))}`, `Losses: ${Object.keys(LOSS_NAMES).join(', ')}.`);
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
      throw new LayerError(`The metric '${name}' keeps state across batches, which klayers does not track yet.`, 'Use accuracy, mae or mse.');
    }
    throw new LayerError(`Could not interpret metric identifier: ${name}.${didYouMean(name, Object.keys(METRIC_NAMES))}`, `Metrics: ${Object.keys(METRIC_NAMES).join(', ')}.`);
  });
}

/** `model.compile(optimizer=Adam(...), loss='mse', metrics=['mae'])`, as a Keras user writes it. */
export function formatCompile(c: CompileConfig): string {
  const metrics = `[${c.metrics.map(formatPythonString).join(', ')}]`;
  return `model.compile(optimizer=${formatOptimizer(c.optimizer)}, loss=${formatPythonString(c.loss)}, metrics=${metrics})`;
}
