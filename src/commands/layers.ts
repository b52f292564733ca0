import { findLayerSpec, formatLayerCall } from '../layers/index.js';
import { formatSummaryShape } from '../core/shape.js';
import { formatPythonShape } from '../core/shape.js';
import { message, table } from '../render/blocks.js';
import { inputBatchShape } from '../layers/input.js';
import type { CommandDef } from './types.js';
import { checkArity, checkOptions } from './words.js';

const COLUMNS = [
  { header: '#', align: 'right', kind: 'number' },
  { header: 'name' },
  { header: 'layer' },
  { header: 'output shape', kind: 'shape' },
  { header: 'params', align: 'right', kind: 'params' },
] as const;

export const layers: CommandDef = {
  name: 'layers',
  aliases: ['ls', 'list'],
  group: 'Look at the model',
  summary: 'A compact numbered list of the layers: position, name, call, output shape, params.',
  usage: 'layers',
  examples: ['layers'],
  run({ session }, { args, kwargs }) {
    checkArity('layers', args, 0, this.usage);
    checkOptions('layers', kwargs, []);
    const state = session.state;
    if (!state.input && state.layers.length === 0) return [message('The model is empty. Start with Input(shape=(...)) and add Dense(...).')];
    const rows: string[][] = [];
    if (state.input) rows.push(['0', state.input.name ?? 'input_layer', `Input(shape=${formatPythonShape(inputBatchShape(state.input.args).slice(1))})`, formatSummaryShape(inputBatchShape(state.input.args)), '0']);
    session.analysis().layers.forEach((row, i) => {
      const layer = state.layers[i]!;
      const call = formatLayerCall(findLayerSpec(layer.className)!, layer.args, null, new Set(Object.keys(layer.given)));
      rows.push([String(row.index), row.name, call, row.outputShape ? formatSummaryShape(row.outputShape) : '?', row.params.toLocaleString('en-US')]);
    });
    return [table({ style: 'plain', columns: COLUMNS, rows, trimEnd: true })];
  },
};
