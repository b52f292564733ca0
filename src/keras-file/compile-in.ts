/**
 * A Keras optimizer config as saved in compile_config: the keys klayers's optimizers take are
 * passed on (parseOptimizer validates them); the ones every Keras optimizer carries are accepted
 * only at the values that mean "off", so a file using weight decay, clipping or EMA is refused
 * by name instead of training differently.
 */
import type { Value } from '../lang/ast.js';
import { UserError } from '../core/user-error.js';
import { shownJson } from './json-to-value.js';

const OFF: Readonly<Record<string, readonly unknown[]>> = {
  weight_decay: [null, 0],
  clipnorm: [null],
  global_clipnorm: [null],
  clipvalue: [null],
  use_ema: [false],
  ema_momentum: [0.99],
  ema_overwrite_frequency: [null],
  loss_scale_factor: [null],
  gradient_accumulation_steps: [null, 1],
};

/** The optimizer's klayers keyword arguments, from Keras's saved config. */
export function readCompileExtras(className: string, config: Record<string, unknown>, label: string): Record<string, Value> {
  const kwargs: Record<string, Value> = {};
  for (const [key, value] of Object.entries(config)) {
    if (key === 'name') continue;
    if (key in OFF) {
      if (!OFF[key]!.includes(value as never)) throw new UserError(`${label}: the optimizer ${className} has ${key}=${shownJson(value)}, which klayers does not support.`, `klayers's optimizers have no ${key}; compile the loaded model here.`);
      continue;
    }
    if (typeof value !== 'number' && typeof value !== 'boolean') throw new UserError(`${label}: the optimizer's ${key} is ${shownJson(value)}; klayers reads a number here (no schedules).`, 'Load the model, then compile here with a fixed learning rate.');
    kwargs[key] = value;
  }
  return kwargs;
}
