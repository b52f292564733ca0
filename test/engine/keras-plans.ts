/** Build PlannedLayers from Keras call text through the real parser and catalog. */
import { parseLine } from '../../src/lang/index.js';
import type { Call } from '../../src/lang/ast.js';
import { resolveLayerCall } from '../../src/layers/index.js';
import type { ModelPlan, PlannedLayer } from '../../src/layers/types.js';
import type { Shape } from '../../src/core/shape.js';

/** `kerasLayer("Conv1D(4, 3, padding='causal')")` -> normalized PlannedLayer named `conv1d`. */
export function kerasLayer(text: string, name?: string): PlannedLayer {
  const parsed = parseLine(text);
  if (!parsed.ok || parsed.line.kind !== 'expr') throw new Error(`cannot parse ${text}`);
  const resolved = resolveLayerCall(parsed.line.value as Call);
  return { className: resolved.spec.className, name: name ?? resolved.name ?? resolved.spec.baseName, args: resolved.args };
}

/** A one-input plan of Keras call texts; layer names get `_1`, `_2` suffixes as Keras would. */
export function kerasPlan(inputShape: Shape, texts: string[]): ModelPlan {
  const seen = new Map<string, number>();
  const layers = texts.map((t) => {
    const l = kerasLayer(t);
    const n = seen.get(l.name) ?? 0;
    seen.set(l.name, n + 1);
    return n === 0 ? l : { ...l, name: `${l.name}_${n}` };
  });
  return { name: 'sequential', inputShape, inputDtype: 'float32', layers };
}
