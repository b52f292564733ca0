import type { OptimizerName, OptimizerConfig } from '../core/training.js';
import { isCall, isIdent, type Value } from '../lang/ast.js';
import { formatPythonFloat } from '../core/python.js';
import { UserError } from '../core/user-error.js';
import { didYouMean } from '../core/suggest.js';
import { formatValue } from '../lang/format-value.js';

/** Keras 3 constructor defaults, in signature order (read from get_config() of each class). */
const DEFAULTS: Readonly<Record<OptimizerName, Readonly<Record<string, number | boolean>>>> = {
  Adam: { learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false },
  SGD: { learning_rate: 0.01, momentum: 0.0, nesterov: false },
  RMSprop: { learning_rate: 0.001, rho: 0.9, momentum: 0.0, epsilon: 1e-7, centered: false },
  Adagrad: { learning_rate: 0.001, initial_accumulator_value: 0.1, epsilon: 1e-7 },
};

const NAMES = Object.keys(DEFAULTS) as OptimizerName[];

function className(word: string): OptimizerName {
  const bare = word.replace(/^(keras\.)?(optimizers\.)?/, '');
  const found = NAMES.find((n) => n.toLowerCase() === bare.toLowerCase());
  if (found) return found;
  throw new UserError(`Unknown optimizer '${word}'.${didYouMean(bare, NAMES)}`, `Choose one of ${NAMES.map((n) => `'${n.toLowerCase()}'`).join(', ')}, or e.g. Adam(learning_rate=1e-3).`);
}

function argValue(name: OptimizerName, key: string, v: Value): number | boolean {
  const def = DEFAULTS[name][key]!;
  if (typeof def === 'boolean') {
    if (typeof v === 'boolean') return v;
    throw new UserError(`Expected True or False. Received: ${key}=${formatValue(v)}`);
  }
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
  throw new UserError(`Expected a non-negative float. Received: ${key}=${formatValue(v)}`);
}

/** `adam`, `'sgd'`, `SGD(learning_rate=0.01, momentum=0.9)`, `Adam(1e-3)` → a full config. */
export function parseOptimizer(v: Value): OptimizerConfig {
  if (typeof v === 'string' || isIdent(v)) {
    const name = className(typeof v === 'string' ? v : v.name);
    return { className: name, config: DEFAULTS[name] };
  }
  if (!isCall(v)) throw new UserError(`Expected an optimizer name or call. Received: optimizer=${formatValue(v)}`, "Example: optimizer='adam' or optimizer=SGD(learning_rate=0.01, momentum=0.9).");
  const name = className(v.name);
  const keys = Object.keys(DEFAULTS[name]);
  const config: Record<string, number | boolean> = { ...DEFAULTS[name] };
  if (v.args.length > 1) throw new UserError(`${name}() takes learning_rate as its only positional argument; received ${v.args.length}.`);
  if (v.args.length === 1) config['learning_rate'] = argValue(name, 'learning_rate', v.args[0]!);
  for (const [key, value] of Object.entries(v.kwargs)) {
    if (!keys.includes(key)) throw new UserError(`${name}() got an unexpected keyword argument '${key}'.${didYouMean(key, keys)}`, `It takes: ${keys.join(', ')}.`);
    config[key] = argValue(name, key, value);
  }
  return { className: name, config };
}

/** `Adam(learning_rate=0.001, beta_1=0.9, ...)` with Python's spelling of each value. */
export function formatOptimizer(o: OptimizerConfig): string {
  const args = Object.entries(o.config).map(([k, v]) => `${k}=${typeof v === 'boolean' ? (v ? 'True' : 'False') : formatPythonFloat(v)}`);
  return `${o.className}(${args.join(', ')})`;
}

/** Keras's compile() default. */
export const DEFAULT_OPTIMIZER: OptimizerConfig = { className: 'RMSprop', config: DEFAULTS.RMSprop };
