/**
 * The klayers plan kept in model.json's `userDefinedMetadata.klayers`: the session's layers with
 * their names and every Keras argument (plus what the user typed, so `set` keeps working after a
 * load), enough to restore the session exactly. tfjs's own topology beside it is for tfjs.
 */
import type { Call, Value } from '../lang/ast.js';
import { findLayerSpec, formatLayerCall, resolveLayerCall } from '../layers/index.js';
import { valueEquals } from '../layers/kinds/values.js';
import { UserError } from '../core/user-error.js';
import { insertLayer, setInput } from '../model/edits.js';
import { isLayerName, isModelName, isValidNameCounter, MAX_NAME_COUNTER } from '../model/naming.js';
import { formatPythonString } from '../core/python.js';
import { EMPTY_STATE, type ModelState } from '../model/state.js';
import { parseLoss, parseMetrics } from '../train/compile-config.js';
import { type CompileConfig } from '../core/training.js';
import { parseOptimizer } from '../train/optimizer-config.js';
import { decodeRecord, encodeRecord } from './json-value.js';

const METADATA_KEY = 'klayers';
const METADATA_FORMAT = 'klayers-sequential';
const METADATA_VERSION = 1;

/** Said in every saved model.json, where a tfjs user will look. */
const CUSTOM_CLASSES_NOTE =
  'Saved by klayers. Standard layers load with tf.loadLayersModel in any tfjs; KlayersLambda, ' +
  'KlayersWrapped (causal, dilated or channels_first convolutions) and klayers_* activations ' +
  "load only after klayers's registrations (src/engine/io/custom-classes.ts: registerKlayersClasses).";

/** `userDefinedMetadata` for a model.json: the note and the session's plan. */
export function sessionMetadata(state: ModelState, compile: CompileConfig | null = null): Record<string, unknown> {
  return {
    [METADATA_KEY]: {
      format: METADATA_FORMAT,
      version: METADATA_VERSION,
      note: CUSTOM_CLASSES_NOTE,
      model: {
        name: state.modelName,
        input: state.input ? { name: state.input.name, args: encodeRecord(state.input.args) } : null,
        layers: state.layers.map((l) => ({
          className: l.className,
          name: l.name,
          keras: formatLayerCall(findLayerSpec(l.className)!, l.args, l.name),
          args: encodeRecord(l.args),
          given: encodeRecord(l.given),
        })),
        nameCounters: { ...state.nameCounters },
      },
      compile: compile ? { optimizer: { className: compile.optimizer.className, config: { ...compile.optimizer.config } }, loss: compile.loss, metrics: [...compile.metrics] } : null,
    },
  };
}

/** A saved value as a message shows it: a number or a short string itself, anything else by its type (never walked). */
function shownScalar(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v;
}

function fail(message: string): UserError {
  return new UserError(`model.json: ${message}`, 'Save the model again from klayers (save model DIR).');
}

/**
 * A name read from the file must be one `rename` would accept, and an argument or counter key an
 * identifier: anything else (quotes, newlines, escape sequences) is refused before it is shown or
 * written into an exported script. The message quotes the name escaped, on one line.
 */
function checkName(what: string, name: string, valid: (name: string) => boolean): void {
  if (!valid(name)) throw new UserError(`model.json: ${what} ${formatPythonString(name)} is not a valid name.`, 'klayers names use letters, digits and underscores (layer names also . - /); fix the name in the file or save the model again from klayers.');
}

const isKey = (key: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(key);

function checkKeys(where: string, record: unknown): void {
  if (typeof record === 'object' && record !== null) for (const key of Object.keys(record)) checkName(`${where} has an argument`, key, isKey);
}

const call = (name: string, kwargs: Record<string, Value>): Call => ({ kind: 'call', name, args: [], kwargs, column: 0 });

function checkSame(where: string, saved: Record<string, Value>, derived: Readonly<Record<string, Value>>): void {
  const differs = Object.keys(derived).find((k) => !(k in saved) || !valueEquals(saved[k]!, derived[k]!));
  if (differs) throw fail(`${where}'s saved arguments do not match what its given arguments make (${differs}).`);
}

/**
 * The session state a model.json's metadata describes. Every layer is resolved again through
 * the catalog (so a hand-edited file cannot slip in an invalid argument) and must come out with
 * the arguments it was saved with. Throws UserError saying what is wrong.
 */
export function restoreSessionState(metadata: Record<string, unknown> | null): ModelState {
  const meta = metadata?.[METADATA_KEY] as Record<string, unknown> | undefined;
  if (!meta || meta.format !== METADATA_FORMAT) {
    throw new UserError('model.json has no klayers plan: it is a tfjs Layers model klayers did not save.', 'klayers restores models that `save model DIR` wrote; build the layers here and load the data instead.');
  }
  if (meta.version !== METADATA_VERSION) throw fail(`klayers plan version ${shownScalar(meta.version)} is not supported (this klayers reads ${METADATA_VERSION}).`);
  const model = meta.model as Record<string, unknown> | undefined;
  if (!model || typeof model.name !== 'string' || !Array.isArray(model.layers)) throw fail('the klayers plan has no model name or layer list.');
  checkName('the model name', model.name, isModelName);
  let state: ModelState = { ...EMPTY_STATE, modelName: model.name };
  const input = model.input as { name?: unknown; args?: unknown } | null;
  if (input) {
    if (typeof input.name === 'string') checkName('the Input name', input.name, isLayerName);
    checkKeys('the Input', input.args);
    const saved = decodeRecord(input.args, 'input');
    const spec = findLayerSpec('InputLayer')!;
    const kwargs = Object.fromEntries(spec.args.filter((a) => a.name in saved && !valueEquals(saved[a.name]!, a.default)).map((a) => [a.name, saved[a.name]!]));
    const resolved = resolveLayerCall(call('Input', kwargs));
    checkSame('the Input', saved, resolved.args);
    state = setInput(state, { args: resolved.args, name: typeof input.name === 'string' ? input.name : null });
  }
  model.layers.forEach((raw: unknown, i: number) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw fail(`layer ${i + 1} is ${raw === null ? 'null' : 'not an object'}.`);
    const layer = raw as Record<string, unknown>;
    if (typeof layer.className !== 'string' || typeof layer.name !== 'string') throw fail(`layer ${i + 1} has no className or name.`);
    checkName(`layer ${i + 1}'s name`, layer.name, isLayerName);
    if (!findLayerSpec(layer.className)) throw fail(`layer '${layer.name}' has the unknown className ${formatPythonString(layer.className)}.`);
    checkKeys(`layer '${layer.name}'`, layer.given);
    checkKeys(`layer '${layer.name}'`, layer.args);
    const given = decodeRecord(layer.given, layer.name);
    const resolved = resolveLayerCall(call(layer.className, { ...given, name: layer.name }));
    checkSame(`layer '${layer.name}'`, decodeRecord(layer.args, layer.name), resolved.args);
    state = insertLayer(state, state.layers.length, { spec: resolved.spec, args: resolved.args, name: layer.name, given });
  });
  return { ...state, nameCounters: counters(model.nameCounters) };
}

/** The saved per-prefix name counters: layer-name prefixes to whole numbers Keras naming can continue from. */
function counters(j: unknown): Record<string, number> {
  if (typeof j !== 'object' || j === null || Array.isArray(j)) throw fail('nameCounters is not an object.');
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(j)) {
    checkName('a nameCounters key', k, isLayerName);
    if (!isValidNameCounter(v)) {
      throw fail(`nameCounters.${k.slice(0, 40)} is ${shownScalar(v)}, not a whole number from 0 to ${MAX_NAME_COUNTER}.`);
    }
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * The compile saved with the model (as Keras's load_model restores it), checked like a typed
 * `compile`; null when the model was saved uncompiled.
 */
export function restoreCompile(metadata: Record<string, unknown> | null): CompileConfig | null {
  const saved = (metadata?.[METADATA_KEY] as { compile?: unknown } | undefined)?.compile as
    | { optimizer?: { className?: unknown; config?: unknown }; loss?: unknown; metrics?: unknown }
    | null
    | undefined;
  if (!saved) return null;
  const o = saved.optimizer;
  const metricNames = Array.isArray(saved.metrics) && saved.metrics.every((m) => typeof m === 'string');
  if (!o || typeof o.className !== 'string' || typeof saved.loss !== 'string' || !metricNames) throw fail('the saved compile is malformed.');
  return {
    optimizer: parseOptimizer(call(o.className, decodeRecord(o.config, 'compile.optimizer'))),
    loss: parseLoss(saved.loss),
    metrics: parseMetrics(saved.metrics as string[]),
  };
}
