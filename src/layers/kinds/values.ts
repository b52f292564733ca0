import { isCall, isIdent, isTuple, type Value } from '../../lang/ast.js';

/** Structural equality of parser values; a Call's source column is ignored. */
export function valueEquals(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && listEquals(a, b);
  }
  if (isTuple(a)) return isTuple(b) && listEquals(a.items, b.items);
  if (isIdent(a)) return isIdent(b) && a.name === b.name;
  if (isCall(a) && isCall(b)) {
    const keys = Object.keys(a.kwargs);
    return (
      a.name === b.name &&
      listEquals(a.args, b.args) &&
      keys.length === Object.keys(b.kwargs).length &&
      keys.every((k) => k in b.kwargs && valueEquals(a.kwargs[k]!, b.kwargs[k]!))
    );
  }
  return false;
}

function listEquals(a: readonly Value[], b: readonly Value[]): boolean {
  return a.length === b.length && a.every((x, i) => valueEquals(x, b[i]!));
}

/** The items of a tuple or list, or undefined for anything else. */
export function sequenceItems(v: Value): readonly Value[] | undefined {
  if (Array.isArray(v)) return v;
  if (isTuple(v)) return v.items;
  return undefined;
}

/** The last segment of a dotted name: `keras.layers.Dense` -> `Dense`. */
export function lastSegment(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? name : name.slice(dot + 1);
}
