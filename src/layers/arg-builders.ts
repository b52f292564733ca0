import type { Call, Tuple, Value } from '../lang/ast.js';
import type { ArgKind, ArgSpec } from './types.js';

/**
 * Small constructors for writing layer declarations and normalized values tersely.
 * `keras('GlorotUniform', { seed: null })` is how an initializer default is written: the Keras
 * class name with its full config, exactly as `get_config()` serializes it.
 */
export function keras(className: string, config: Record<string, Value> = {}): Call {
  return { kind: 'call', name: className, args: [], kwargs: config, column: 0 };
}

/** `tuple(3, 3)` is the normalized `(3, 3)`. */
export function tuple(...items: Value[]): Tuple {
  return { kind: 'tuple', items };
}

/** Declare one argument. `extra` carries choices, rank, nullable, required. */
export function arg(
  name: string,
  kind: ArgKind,
  defaultValue: Value,
  doc: string,
  extra: Partial<Pick<ArgSpec, 'choices' | 'rank' | 'nullable' | 'required' | 'noneAsEmptyDict'>> = {},
): ArgSpec {
  return { name, kind, default: defaultValue, doc, ...extra };
}

/** A required argument (no default), e.g. Dense's `units`. */
export function required(name: string, kind: ArgKind, doc: string, extra: Partial<ArgSpec> = {}): ArgSpec {
  return { name, kind, default: null, doc, required: true, ...extra };
}
