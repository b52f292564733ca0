/**
 * Read normalized Keras arguments (see LayerArgs in src/layers/types.ts) with Keras defaults for
 * anything absent, so a plan built by hand with only some arguments still builds as Keras would.
 */
import { isCall, isTuple, type Call, type Value } from '../../lang/ast.js';
import type { LayerArgs } from '../../layers/types.js';

/** A number argument; `fallback` is the Keras default. */
export function num(args: LayerArgs, name: string, fallback: number): number {
  const v = args[name];
  return typeof v === 'number' ? v : fallback;
}

export function optionalNum(args: LayerArgs, name: string): number | null {
  const v = args[name];
  return typeof v === 'number' ? v : null;
}

export function bool(args: LayerArgs, name: string, fallback: boolean): boolean {
  const v = args[name];
  return typeof v === 'boolean' ? v : fallback;
}

export function str(args: LayerArgs, name: string, fallback: string): string {
  const v = args[name];
  return typeof v === 'string' ? v : fallback;
}

/** `kernel_size`, `strides`…: a Tuple of `rank` ints, or one int repeated (Keras accepts both). */
export function ints(args: LayerArgs, name: string, rank: number, fallback: number): number[] {
  return intsOf(args[name] ?? null, rank) ?? new Array<number>(rank).fill(fallback);
}

/** Like `ints`, but null (e.g. pooling `strides=None`) stays null. */
export function optionalInts(args: LayerArgs, name: string, rank: number): number[] | null {
  return intsOf(args[name] ?? null, rank);
}

function intsOf(v: Value, rank: number): number[] | null {
  if (typeof v === 'number') return new Array<number>(rank).fill(v);
  const items = isTuple(v) ? v.items : Array.isArray(v) ? v : null;
  if (!items) return null;
  return items.map((item) => (typeof item === 'number' ? item : NaN));
}

/** A shape-like tuple that may hold None (`noise_shape=(None, 1, 8)`). */
export function dims(args: LayerArgs, name: string): (number | null)[] | null {
  const v = args[name] ?? null;
  const items = isTuple(v) ? v.items : Array.isArray(v) ? v : null;
  if (!items) return null;
  return items.map((item) => (typeof item === 'number' ? item : null));
}

/** An initializer/regularizer/constraint Call, or null when absent. */
export function call(args: LayerArgs, name: string): Call | null {
  const v = args[name];
  return v !== undefined && isCall(v) ? v : null;
}

/** Python-like text of a value for messages: `True`, `'causal'`, `(2, 2)`, `L2(l2=0.01)`. */
export function show(v: Value | undefined): string {
  if (v === undefined || v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  if (isTuple(v)) return v.items.length === 1 ? `(${show(v.items[0])},)` : `(${v.items.map(show).join(', ')})`;
  if (isCall(v)) {
    const kw = Object.entries(v.kwargs).map(([k, x]) => `${k}=${show(x)}`);
    return `${v.name}(${[...v.args.map(show), ...kw].join(', ')})`;
  }
  return (v as { name: string }).name;
}
