import { isIdent, isList, isTuple, type Value } from '../lang/ast.js';
import { UserError } from '../core/user-error.js';
import { formatValue } from '../lang/format-value.js';

const HINT = 'Give one weight per class, e.g. class_weight=[1.0, 5.0], class_weight="setosa:1,virginica:2", or class_weight=balanced.';

/**
 * `class_weight=[1, 5]` (by class index), `class_weight="cat:1,dog:3"` (by name or index) or
 * `class_weight=balanced` (n / (classes × count), as scikit-learn). Classes not named weigh 1.0,
 * as in Keras. Returns a weight for every class index.
 */
export function parseClassWeight(v: Value, classNames: readonly string[], counts: readonly number[]): Record<number, number> {
  const weights: Record<number, number> = Object.fromEntries(classNames.map((_, i) => [i, 1.0]));
  const set = (key: string | number, w: Value) => {
    const index = typeof key === 'number' ? key : classNames.includes(key) ? classNames.indexOf(key) : /^\d+$/.test(key) ? Number(key) : -1;
    if (!(index >= 0 && index < classNames.length)) throw new UserError(`class_weight names no class ${formatValue(key)}; the classes are ${classNames.join(', ')}.`, HINT);
    const weight = typeof w === 'string' ? Number(w) : w;
    if (typeof weight !== 'number' || !(weight >= 0)) throw new UserError(`Expected a non-negative weight for class ${formatValue(key)}. Received: ${formatValue(w)}`, HINT);
    weights[index] = weight;
  };
  const word = typeof v === 'string' ? v : isIdent(v) ? v.name : null;
  if (word === 'balanced') {
    const n = counts.reduce((a, b) => a + b, 0);
    counts.forEach((c, i) => (weights[i] = c > 0 ? n / (classNames.length * c) : 1.0));
  } else if (isList(v) || isTuple(v)) {
    const items = isList(v) ? v : v.items;
    if (items.length !== classNames.length) throw new UserError(`class_weight has ${items.length} weights for ${classNames.length} classes (${classNames.join(', ')}).`, HINT);
    items.forEach((w, i) => set(i, w));
  } else if (word !== null) {
    for (const part of word.split(',').map((p) => p.trim()).filter(Boolean)) {
      const at = part.lastIndexOf(':');
      if (at <= 0) throw new UserError(`Expected CLASS:WEIGHT in class_weight. Received: '${part}'`, HINT);
      set(part.slice(0, at).trim(), part.slice(at + 1).trim());
    }
  } else throw new UserError(`Expected class weights. Received: class_weight=${formatValue(v)}`, HINT);
  return weights;
}
