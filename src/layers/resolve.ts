import { tuple } from './arg-builders.js';
import type { Call, Value } from '../lang/ast.js';
import { findLayerSpec, shownLayerName, suggestLayerName } from './catalog.js';
import { callName } from './format.js';
import { didYouMean, normalizeArgValue } from './kinds/index.js';
import { formatValue } from '../lang/format-value.js';
import { type LayerArgs, type LayerSpec } from './types.js';
import { UserError } from '../core/user-error.js';

/** A layer call resolved against the catalog: every argument normalized, defaults filled. */
interface ResolvedLayer {
  readonly spec: LayerSpec;
  readonly args: LayerArgs;
  readonly name: string | null;
}

/**
 * Resolve `Dense(64, activation='relu', name='hidden')` the way Keras's constructor would:
 * positionals by signature order, keywords by name, required ones present, each value validated
 * and normalized, the rest filled with Keras 3 defaults, then the layer's own cross-checks.
 */
export function resolveLayerCall(call: Call): ResolvedLayer {
  const spec = findLayerSpec(call.name);
  if (!spec) {
    const s = suggestLayerName(call.name);
    throw new UserError(`Unknown layer '${shownLayerName(call.name)}'.${s ? ` Did you mean '${s}'?` : ''}`, 'Type `help layers` to list them.');
  }
  const label = callName(spec);
  if (call.args.length > spec.positional.length) {
    const n = spec.positional.length;
    throw new UserError(
      `${label} takes ${n} positional argument${n === 1 ? '' : 's'}${n ? ` (${spec.positional.join(', ')})` : ''}; got ${call.args.length}`,
      'Pass the others by keyword, e.g. activation=\'relu\'.',
    );
  }
  const given: Record<string, Value> = {};
  call.args.forEach((v, i) => (given[spec.positional[i]!] = v));
  let name: string | null = null;
  for (const [key, value] of Object.entries(call.kwargs)) {
    if (key === 'name') {
      name = checkName(value);
      continue;
    }
    const target = key === 'input_dim' && hasArg(spec, 'input_shape') ? 'input_shape' : key;
    if (!hasArg(spec, target)) throw unknownArgument(spec, key);
    if (target in given) throw new UserError(`${label} got multiple values for argument '${target}'`);
    given[target] = key === 'input_dim' ? inputDimShape(value) : value;
  }
  const missing = spec.args.find((a) => a.required && !(a.name in given));
  if (missing) {
    throw new UserError(`${label}() is missing the required argument '${missing.name}'`, `e.g. ${exampleCall(spec)}`);
  }
  return { spec, args: buildArgs(spec, {}, given), name };
}

/** Apply `set`-style changes to already-normalized args: same validation, other args kept. */
export function updateLayerArgs(spec: LayerSpec, args: LayerArgs, changes: Readonly<Record<string, Value>>): LayerArgs {
  for (const key of Object.keys(changes)) {
    if (key === 'name') throw new UserError(`${callName(spec)}: \`name\` is not an argument to change here.`, 'The layer name is changed separately.');
    if (!hasArg(spec, key)) throw unknownArgument(spec, key);
  }
  return buildArgs(spec, args, changes);
}

function buildArgs(spec: LayerSpec, base: LayerArgs, given: Readonly<Record<string, Value>>): LayerArgs {
  const label = callName(spec);
  const out: Record<string, Value> = {};
  for (const a of spec.args) {
    if (a.name in given) out[a.name] = normalizeArgValue(label, a, given[a.name]!);
    else out[a.name] = a.name in base ? base[a.name]! : a.default;
  }
  spec.validate?.(out);
  return out;
}

const hasArg = (spec: LayerSpec, name: string): boolean => spec.args.some((a) => a.name === name);

function unknownArgument(spec: LayerSpec, key: string): UserError {
  const names = [...spec.args.map((a) => a.name), 'name'];
  return new UserError(`Unknown argument '${key}' for ${callName(spec)}.${didYouMean(key, names)}`, `${callName(spec)} takes: ${names.join(', ')}`);
}

/** Keras: a layer name is a string without '/'. */
function checkName(value: Value): string | null {
  if (value === null) return null;
  if (typeof value !== 'string' || value.includes('/') || value === '') {
    throw new UserError(
      `Argument \`name\` must be a string and cannot contain character \`/\`. Received: name=${formatValue(value)}`,
      "e.g. name='hidden'",
    );
  }
  return value;
}

/** Keras 2's `input_dim=n` is `input_shape=(n,)`. */
function inputDimShape(value: Value): Value {
  return typeof value === 'number' ? tuple(value) : value;
}

function exampleCall(spec: LayerSpec): string {
  const examples: Record<string, string> = { Dense: 'Dense(64)', Dropout: 'Dropout(0.5)', Reshape: 'Reshape((28, 28, 1))', Permute: 'Permute((2, 1))' };
  return examples[spec.className] ?? `${callName(spec)}(${spec.args.filter((a) => a.required).map((a) => `${a.name}=...`).join(', ')})`;
}
