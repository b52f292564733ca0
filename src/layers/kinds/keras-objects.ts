import { keras } from '../arg-builders.js';
import { isCall, isIdent, type Call, type Value } from '../../lang/ast.js';
import { UserError } from '../../core/user-error.js';
import { invalidArg, type ArgContext } from './errors.js';
import { didYouMean } from '../../core/suggest.js';
import { formatPythonString } from '../../core/python.js';
import { normalizeParam } from './object-params.js';

/**
 * Initializers, regularizers and constraints are small Keras objects: a class name, a few config
 * keys, and snake_case aliases. They share one normalizer driven by these declarations.
 */

/** How one config key of such an object is validated and printed. */
export interface ObjectParam {
  readonly name: string;
  /** 'number' keeps ints as ints when printing (MaxNorm's `max_value=2`). */
  readonly kind: 'float' | 'number' | 'int' | 'choice' | 'axes';
  readonly default: Value;
  readonly nullable?: boolean;
  readonly choices?: readonly string[];
  /** Extra accepted spellings, e.g. VarianceScaling `distribution='normal'`. */
  readonly synonyms?: Readonly<Record<string, string>>;
  readonly min?: { readonly value: number; readonly inclusive: boolean };
}

/** One Keras class, its constructor parameters in signature order, and its other names. */
export interface KerasObjectSpec {
  readonly className: string;
  readonly aliases: readonly string[];
  readonly params: readonly ObjectParam[];
  /**
   * The parameters in get_config()'s key order, where it differs from the signature (Keras's
   * initializers put `seed` first): `inspect` and `export json` show them in this order.
   */
  readonly configOrder?: readonly string[];
  /** Aliases Keras accepts only as a function call, not as a string (`l1_l2`). */
  readonly callOnlyAliases?: readonly string[];
}

/** A family such as "initializer", with the module paths users write before its names. */
export interface ObjectFamily {
  readonly noun: string;
  readonly modules: readonly string[];
  readonly objects: readonly KerasObjectSpec[];
}

/** The declaration behind a normalized value's class name (for printing), if any. */
export function findObjectSpec(family: ObjectFamily, name: string): KerasObjectSpec | undefined {
  return family.objects.find((o) => o.className === name || o.aliases.includes(name) || o.callOnlyAliases?.includes(name));
}

function stringNames(family: ObjectFamily): string[] {
  return family.objects.flatMap((o) => [o.className, ...o.aliases]);
}

/** Normalize a string, a bare class name or a call to `keras(ClassName, fullConfig)`. */
export function normalizeKerasObject(family: ObjectFamily, ctx: ArgContext, v: Value): Call {
  if (typeof v === 'string') {
    const spec = family.objects.find((o) => o.className === v || o.aliases.includes(v));
    if (!spec) throw unknownObject(family, ctx, v);
    return bind(ctx, spec, [], {});
  }
  if (isIdent(v) || isCall(v)) {
    const spec = findObjectSpec(family, stripModule(family, ctx, v.name));
    if (!spec) throw unknownObject(family, ctx, v.name);
    return isCall(v) ? bind(ctx, spec, v.args, v.kwargs) : bind(ctx, spec, [], {});
  }
  throw invalidArg(ctx, `a Keras ${family.noun}`, v, `e.g. ${ctx.arg}=${formatPythonString(family.objects[0]!.aliases[0] ?? '')}`);
}

function stripModule(family: ObjectFamily, ctx: ArgContext, dotted: string): string {
  const dot = dotted.lastIndexOf('.');
  if (dot < 0) return dotted;
  if (!family.modules.includes(dotted.slice(0, dot))) {
    throw new UserError(`${ctx.layer}: \`${ctx.arg}\` must be a Keras ${family.noun}. Received: ${ctx.arg}=${dotted}`);
  }
  return dotted.slice(dot + 1);
}

function unknownObject(family: ObjectFamily, ctx: ArgContext, name: string): UserError {
  const names = stringNames(family);
  const callOnly = family.objects.find((o) => o.callOnlyAliases?.includes(name));
  if (callOnly) {
    return new UserError(
      `Keras 3 does not accept the string ${formatPythonString(name)} as a ${family.noun} (${ctx.layer} ${ctx.arg}).`,
      `Call it instead, e.g. ${ctx.arg}=${name}(${callOnly.params.map((p) => `${p.name}=0.01`).join(', ')})`,
    );
  }
  return new UserError(
    `Unknown ${family.noun} ${formatPythonString(name)} for ${ctx.layer} ${ctx.arg}.${didYouMean(name, names)}`,
    `Keras ${family.noun}s: ${family.objects.map((o) => o.aliases[0] ?? o.className).join(', ')}`,
  );
}

function bind(
  ctx: ArgContext,
  spec: KerasObjectSpec,
  args: readonly Value[],
  kwargs: Readonly<Record<string, Value>>,
): Call {
  const where = `${ctx.layer} ${ctx.arg}=${spec.className}(...)`;
  const names = spec.params.map((p) => p.name);
  if (args.length > names.length) {
    throw new UserError(
      `${spec.className} takes ${names.length} positional argument${names.length === 1 ? '' : 's'}` +
        `${names.length ? ` (${names.join(', ')})` : ''}; got ${args.length} (in ${ctx.layer} ${ctx.arg})`,
    );
  }
  const given: Record<string, Value> = {};
  args.forEach((a, i) => (given[names[i]!] = a));
  for (const [key, value] of Object.entries(kwargs)) {
    if (!names.includes(key)) {
      throw new UserError(`Unknown argument '${key}' for ${spec.className} in ${ctx.layer} ${ctx.arg}.${didYouMean(key, names)}`);
    }
    if (key in given) throw new UserError(`${spec.className} got multiple values for argument '${key}' (in ${where})`);
    given[key] = value;
  }
  const config: Record<string, Value> = {};
  const order = spec.configOrder ?? names;
  for (const p of [...spec.params].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name))) {
    config[p.name] = p.name in given ? normalizeParam({ layer: where, arg: p.name }, p, given[p.name]!) : p.default;
  }
  return keras(spec.className, config);
}
