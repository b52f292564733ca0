/**
 * Where Keras 3's saver puts each variable in model.weights.h5 / FILE.weights.h5 (read from files
 * Keras 3.15 wrote): `layers/<layer>/vars/<i>` in the layer's weight order (a recurrent layer's
 * under `layers/<layer>/cell/vars/`), every layer with its `vars` group even when empty, the
 * model's own empty `vars`, and `optimizer/vars/<i>`: iteration (int32), learning_rate, then the
 * slots of each trainable variable in the optimizer's build order.
 */
import type { OptimizerConfig } from '../core/training.js';
import type { ModelState } from '../model/state.js';
import type { H5Group } from './h5-store.js';

const CELLS: Readonly<Record<string, string>> = { SimpleRNN: 'simple_rnn_cell', LSTM: 'lstm_cell' };

/** The group holding a layer's variables. */
export function layerVarsPath(className: string, name: string): string {
  return CELLS[className] ? `layers/${name}/cell/vars` : `layers/${name}/vars`;
}

/** Keras's optimizer `name` (its default, as saved in the group's attribute). */
export const OPTIMIZER_NAMES: Readonly<Record<string, string>> = { Adam: 'adam', SGD: 'sgd', RMSprop: 'rm_sprop', Adagrad: 'adagrad' };

/** The groups of a weights store, parents first. */
export function storeGroups(state: ModelState, optimizer: OptimizerConfig | null): H5Group[] {
  const groups: H5Group[] = [{ path: 'layers' }];
  for (const l of state.layers) {
    groups.push({ path: `layers/${l.name}` });
    const cell = CELLS[l.className];
    if (cell) groups.push({ path: `layers/${l.name}/cell` }, { path: `layers/${l.name}/cell/vars`, name: cell });
    groups.push({ path: `layers/${l.name}/vars`, name: l.name });
  }
  if (optimizer) groups.push({ path: 'optimizer' }, { path: 'optimizer/vars', name: OPTIMIZER_NAMES[optimizer.className] ?? optimizer.className.toLowerCase() });
  groups.push({ path: 'vars', name: state.modelName });
  return groups;
}

/** One slot kind and its starting value (what a variable never updated still holds). */
export interface SlotKind {
  readonly name: string;
  readonly initial: number;
}

/**
 * The optimizer's slots in Keras's build order: blocks, each a list of kinds laid out variable
 * by variable (Adam's momentum and velocity interleave; its velocity_hat follows them all).
 */
export function slotBlocks(o: OptimizerConfig): SlotKind[][] {
  const c = o.config;
  switch (o.className) {
    case 'Adam':
      return [
        [{ name: 'momentum', initial: 0 }, { name: 'velocity', initial: 0 }],
        ...(c['amsgrad'] === true ? [[{ name: 'velocity_hat', initial: 0 }]] : []),
      ];
    case 'RMSprop':
      return [[{ name: 'velocity', initial: 0 }], ...((c['momentum'] as number) > 0 ? [[{ name: 'momentum', initial: 0 }]] : []), ...(c['centered'] === true ? [[{ name: 'average_gradient', initial: 0 }]] : [])];
    case 'SGD':
      return (c['momentum'] as number) !== 0 ? [[{ name: 'momentum', initial: 0 }]] : [];
    case 'Adagrad':
      return [[{ name: 'accumulator', initial: c['initial_accumulator_value'] as number }]];
  }
}

/** `optimizer/vars/<i>` from 2 on: which variable and slot each index holds. */
export function slotOrder(o: OptimizerConfig, variables: number): { variable: number; slot: SlotKind }[] {
  const out: { variable: number; slot: SlotKind }[] = [];
  for (const block of slotBlocks(o)) for (let v = 0; v < variables; v++) for (const slot of block) out.push({ variable: v, slot });
  return out;
}
