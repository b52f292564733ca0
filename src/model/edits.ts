import type { Value } from '../lang/ast.js';
import { resolveLayerCall } from '../layers/index.js';
import { type LayerArgs, type LayerSpec } from '../layers/types.js';
import { UserError } from '../core/user-error.js';
import { analyzeModel } from './analyze.js';
import { assertNameFree, autoName } from './naming.js';
import type { InputEntry, LayerEntry, ModelState } from './state.js';
import { formatValue } from '../lang/format-value.js';

/** A layer as the user asked for it, before it gets its place and name. */
export interface NewLayer {
  readonly spec: LayerSpec;
  readonly args: LayerArgs;
  readonly name: string | null;
  /** The arguments as the user gave them, by name (see LayerEntry.given). */
  readonly given: Readonly<Record<string, Value>>;
}

/** Every edit goes through here: the new state must infer cleanly, or the edit is refused. */
function checked(state: ModelState): ModelState {
  analyzeModel(state);
  return state;
}

function named(state: ModelState, layer: NewLayer, replacing = -1): { entry: LayerEntry; counters: Record<string, number> } {
  if (layer.name !== null) {
    assertNameFree(state, layer.name, replacing);
    return { entry: { className: layer.spec.className, name: layer.name, args: layer.args, given: layer.given }, counters: { ...state.nameCounters } };
  }
  const { name, counters } = autoName(state, layer.spec.baseName);
  return { entry: { className: layer.spec.className, name, args: layer.args, given: layer.given }, counters };
}

export function setInput(state: ModelState, input: InputEntry): ModelState {
  return checked({ ...state, input });
}

/** Inserts before 0-based `at` (at = layers.length appends). */
export function insertLayer(state: ModelState, at: number, layer: NewLayer): ModelState {
  const { entry, counters } = named(state, layer);
  const layers = [...state.layers.slice(0, at), entry, ...state.layers.slice(at)];
  return checked({ ...state, layers, nameCounters: counters });
}

export function removeLayer(state: ModelState, at: number): ModelState {
  return checked({ ...state, layers: state.layers.filter((_, i) => i !== at) });
}

export function replaceLayer(state: ModelState, at: number, layer: NewLayer): ModelState {
  const { entry, counters } = named(state, layer, at);
  return checked({ ...state, layers: state.layers.map((l, i) => (i === at ? entry : l)), nameCounters: counters });
}

export function setLayerArgs(state: ModelState, at: number, changes: Record<string, Value>): ModelState {
  const old = state.layers[at]!;
  const rest = { ...changes };
  let name = old.name;
  if ('name' in rest) {
    const n = rest['name'];
    if (typeof n !== 'string') throw new UserError(`Expected a string for name. Received: name=${formatValue(n ?? null)}`);
    assertNameFree(state, n, at);
    name = n;
    delete rest['name'];
  }
  // Re-create the layer from what the user gave plus the changes, as editing the call would.
  const given = { ...old.given, ...rest };
  const { args } = resolveLayerCall({ kind: 'call', name: old.className, args: [], kwargs: given, column: 0 });
  return checked({ ...state, layers: state.layers.map((l, i) => (i === at ? { ...l, name, args, given } : l)) });
}

export function moveLayer(state: ModelState, from: number, to: number): ModelState {
  const layers = [...state.layers];
  const [moved] = layers.splice(from, 1);
  layers.splice(to, 0, moved!);
  return checked({ ...state, layers });
}

export function renameLayer(state: ModelState, at: number, name: string): ModelState {
  assertNameFree(state, name, at);
  return { ...state, layers: state.layers.map((l, i) => (i === at ? { ...l, name } : l)) };
}
