/**
 * The Python of a pasted Keras script around its model: module constants, `print(...)`, a model
 * under any name, and the lines klayers does not run (data loading, `fit(x, y)` on arrays,
 * loops, functions), which are noted by what they need while the rest of the script goes on.
 * Values stay data: names are replaced by their assigned literals (src/lang/resolve.ts).
 */
import { isCall, isIdent, isTuple, type Call, type Line, type Value } from '../lang/ast.js';
import { formatValue } from '../lang/format-value.js';
import { isPlainData, resolveValue, Unresolved, type Lookup } from '../lang/resolve.js';
import { UserError } from '../core/user-error.js';
import { findLayerSpec } from '../layers/index.js';
import { message, text, type Block } from '../render/blocks.js';
import type { ConstantStore } from '../session/constants.js';

/** `keras.layers.Dense` → `Dense`; `tf.keras.optimizers.Adam` → `optimizers.Adam`. */
export function bareName(name: string): string {
  return name.replace(/^(tf\.)?(keras_core\.|keras\.)?(src\.)?(layers\.|models\.)?/, '');
}

/** The constants as the resolver reads them; a name from a line not run is an error naming it. */
export function constantLookup(constants: ConstantStore): Lookup {
  return (name) => {
    const entry = constants.get(name);
    if (entry === undefined || entry.kind === 'model') return undefined;
    if (entry.kind === 'skipped') {
      // `class Antirectifier(layers.Layer)` then `Antirectifier()`: a layer of the script's own.
      if (entry.layerClass) throw new UserError(`${name} is a layer class the script defines in Python (class ${name}), which klayers does not run.`, 'Build the model from the layers that `help layers` lists.');
      throw new UserError(`${name} has no value in klayers: ${entry.why}.`, `Write the value itself, e.g. ${name} = 10, or use a literal in its place.`);
    }
    return entry.value;
  };
}

export function resolveOrThrow(value: Value, lookup: Lookup): Value {
  try {
    return resolveValue(value, lookup);
  } catch (err) {
    if (err instanceof Unresolved) throw new UserError(`klayers cannot compute ${err.what} here: it reads numbers, strings, tuples, lists and arithmetic on them.`, 'Write the value itself.');
    throw err;
  }
}

/** What a value needs that klayers does not do, in a few words, or null for plain data. */
function needs(value: Value, constants: ConstantStore): string | null {
  if (isIdent(value)) {
    const entry = constants.get(value.name);
    return entry?.kind === 'value' ? null : `the Python value ${value.name}`;
  }
  if (Array.isArray(value)) return value.map((v) => needs(v, constants)).find((n) => n !== null) ?? null;
  if (!isCall(value)) return null;
  if (value.name.startsWith('operator ')) return value.args.map((v) => needs(v, constants)).find((n) => n !== null) ?? null;
  if (/(^|\.)(datasets\.|load_data$|get_file$|read_csv$|load$|loadtxt$|_from_directory$|from_tensor_slices$|open$)/.test(value.name)) return `loads data in Python (${value.name})`;
  return `runs Python code (${value.name}(...))`;
}

const noted = (what: string, why: string): Block =>
  message(`Not run: ${what} ${why}; klayers builds and trains the model from its own lines (load data with: load FILE.csv or load builtin:NAME).`);

/** `x = 10`, `x = np.load(...)`: the constant, or a note and the name marked as not run. */
export function assignConstant(target: string, value: Value, constants: ConstantStore): readonly Block[] {
  if (isCall(value) && /(^|\.)(Input|Model)$/.test(value.name)) {
    throw new UserError(`klayers builds Sequential models; ${target} = ${value.name}(...) starts Keras's functional API, which klayers does not support.`, 'Write the model as keras.Sequential([...]).');
  }
  // `RNN = layers.LSTM`: a name for a layer class, so that `RNN(128)` adds an LSTM.
  if (isIdent(value) && findLayerSpec(bareName(value.name))) {
    constants.setValue(target, value);
    return [];
  }
  let resolved: Value | null = null;
  try {
    resolved = resolveValue(value, constantLookup(constants));
  } catch (err) {
    if (!(err instanceof Unresolved) && !(err instanceof UserError)) throw err;
  }
  if (resolved !== null && isPlainData(resolved)) {
    constants.setValue(target, resolved);
    return [];
  }
  const why = needs(value, constants) ?? 'is not plain data';
  if (constants.isModel(target)) {
    throw new UserError(`klayers builds the model from keras.Sequential([...]); ${target} = ... ${why}.`, 'Write the model as model = keras.Sequential([...]) in the script.');
  }
  constants.setSkipped(target, `its line ${why}`);
  return [noted(`${target} = ...`, why)];
}

/** Names in an unpacking target: `(x_train, y_train), (x_test, y_test)`. */
export function unpackTargets(line: Extract<Line, { kind: 'unpack' }>, constants: ConstantStore): readonly Block[] {
  const flat = /^\(?\s*([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*(,?)\s*\)?$/.exec(line.targets);
  if (flat) {
    // `img_rows, img_cols = 28, 28`: Python's unpacking of plain data, one constant per name;
    // `(channels) = 1` is a plain assignment.
    const names = flat[1]!.split(',').map((n) => n.trim());
    if (names.length === 1 && flat[2] === '') return assignConstant(names[0]!, line.value, constants);
    const values = plainItems(line.value, constants);
    if (values !== null && values.length === names.length) {
      names.forEach((name, i) => constants.setValue(name, values[i]!));
      return [];
    }
  }
  const names = line.targets.replace(/\[[^\]]*\]/g, '').match(/[A-Za-z_][\w.]*/g) ?? [];
  const why = needs(line.value, constants) ?? 'unpacks Python values';
  for (const name of names) if (!name.includes('.')) constants.setSkipped(name, `its line ${why}`);
  return [noted(`${line.targets} = ...`, why)];
}

/** The items of a tuple or list of plain data, or null when it is anything else. */
function plainItems(value: Value, constants: ConstantStore): readonly Value[] | null {
  try {
    const resolved = resolveValue(value, constantLookup(constants));
    const items = Array.isArray(resolved) ? resolved : isTuple(resolved) ? resolved.items : null;
    return items !== null && items.every(isPlainData) ? items : null;
  } catch (err) {
    if (err instanceof Unresolved || err instanceof UserError) return null;
    throw err;
  }
}

/** A statement klayers does not run: `for`, `def`, `if`, ... The names it defines or sets are marked as not run. */
export function pythonStatement(line: Extract<Line, { kind: 'python' }>, constants: ConstantStore): readonly Block[] {
  const what = line.keyword === 'def' ? 'defines a function' : line.keyword === 'class' ? 'defines a class' : line.keyword === 'for' || line.keyword === 'while' ? 'is a loop' : `is a Python '${line.keyword}' statement`;
  const first = line.text.split('\n', 1)[0]!.trim();
  const defined = /^(?:async\s+)?(def|class)\s+([A-Za-z_]\w*)/.exec(first);
  if (defined) {
    const [, keyword, name] = defined as unknown as [string, 'def' | 'class', string];
    constants.setSkipped(name, `it is a Python ${keyword === 'def' ? 'function' : 'class'} (${keyword} ${name}), which klayers does not run`, keyword === 'class');
  } else if (!/^@/.test(first)) {
    // `if K.image_data_format() == 'channels_first': input_shape = ...`: which branch ran is Python's to say.
    const header = first.replace(/:.*$/, ':');
    for (const m of line.text.matchAll(/^[ \t]*(?:for\s+)?([A-Za-z_]\w*)\s*(?:=(?!=)|[-+*/%]=|\s+in\b)/gm)) {
      if (!constants.isModel(m[1]!)) constants.setSkipped(m[1]!, `it is set inside the Python statement '${header}'`);
    }
  }
  return [message(`Not run: ${first} ${what}; klayers runs one layer, command or constant per line (write the layers out one by one).`)];
}

/** A call klayers does not run (`np.random.seed(1)`, `plt.show()`, `model.fit(x_train, ...)`). */
export function skippedCall(call: Call, constants: ConstantStore): readonly Block[] {
  const arrays = call.args.filter((v): v is Extract<Value, { kind: 'ident' }> => isIdent(v) && constants.get(v.name)?.kind !== 'value');
  if (arrays.length > 0 && /\.(fit|evaluate|predict|train_on_batch|test_on_batch)$/.test(call.name)) {
    return [noted(`${call.name}(${arrays.map((a) => a.name).join(', ')}, ...)`, 'works on Python arrays')];
  }
  return [noted(`${call.name}(...)`, needs(call, constants) ?? 'runs Python code')];
}

/** Python's str() of a printed value. */
function printed(v: Value): string {
  return typeof v === 'string' ? v : formatValue(v);
}

/** `print(...)` of constants: what Python prints; of anything else: a note. */
export function printValues(call: Call, constants: ConstantStore): readonly Block[] {
  try {
    const values = call.args.map((v) => resolveValue(v, constantLookup(constants)));
    if (values.every(isPlainData)) return [text(values.map(printed).join(typeof call.kwargs['sep'] === 'string' ? call.kwargs['sep'] : ' '))];
  } catch (err) {
    if (!(err instanceof Unresolved) && !(err instanceof UserError)) throw err;
  }
  return [noted('print(...)', `prints ${needs({ ...call, name: 'operator print' }, constants) ?? 'Python values'}`)];
}

/** Whether a model method's positional arguments are Python arrays (`fit(x_train, y_train)`). */
export function takesArrays(call: Call, constants: ConstantStore): boolean {
  return call.args.some((v) => isIdent(v) && constants.get(v.name)?.kind !== 'value');
}

/**
 * A line of Python the call syntax does not read (`x, y = a[:n], b[n:]`, a generator, `%`
 * formatting): noted as `what`, and the names it assigns marked not run. Null when it assigns the
 * model: the model's own line must read, and its syntax error is what the user needs to see.
 */
export function unreadablePython(what: string, targets: readonly string[], constants: ConstantStore): readonly Block[] | null {
  if (targets.some((t) => constants.isModel(t))) return null;
  for (const target of targets) constants.setSkipped(target, 'its line is Python klayers does not read');
  return [message(`Not run: ${what} is Python klayers does not read; klayers builds and trains the model from its own lines.`)];
}
