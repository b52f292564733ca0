/** Small helpers for writing ModelPlans by hand in engine tests (Keras defaults fill the rest). */
import type { Value } from '../../src/lang/ast.js';
import type { ModelPlan, PlannedLayer } from '../../src/layers/types.js';
import type { Shape } from '../../src/core/shape.js';

export function tuple(...items: Value[]): Value {
  return { kind: 'tuple', items };
}

export function keras(name: string, kwargs: Record<string, Value> = {}): Value {
  return { kind: 'call', name, args: [], kwargs, column: 0 };
}

export function layer(className: string, name: string, args: Record<string, Value> = {}): PlannedLayer {
  return { className, name, args };
}

export function plan(inputShape: Shape, layers: PlannedLayer[], name = 'sequential', inputDtype = 'float32'): ModelPlan {
  return { name, inputShape, inputDtype, layers };
}
