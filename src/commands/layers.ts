import { findLayerSpec, formatLayerCall } from '../layers/index.js';
import { formatSummaryShape, formatPythonShape } from '../core/shape.js';
import { message, table } from '../render/blocks.js';
import { inputBatchShape } from '../layers/input.js';
import { defineCommand } from './types.js';
import { simple } from './options.js';
import { checkArity } from './words.js';

const COLUMNS = [
  { header: '#', align: 'right', kind: 'number' },
  { header: 'name' },
  { header: 'layer' },
  { header: 'output shape', kind: 'shape' },
  { header: 'params', align: 'right', kind: 'params' },
] as const;

export const layers = defineCommand({
  name: 'layers',
  aliases: ['ls', 'list'],
  group: 'Look at the model',
  summary: 'A compact numbered list of the layers: position, name, call, output shape, params.',
  options: simple(),
  examples: ['layers'],
  run({ session: { model } }, { args }) {
    checkArity('layers', args, 0, this.usage);
    const state = model.state;
    if (!state.input && state.layers.length === 0) return [message('The model is empty. Start with Input(shape=(...)) and add Dense(...).')];
    const rows: string[][] = [];
    if (state.input) rows.push(['0', state.input.name ?? 'input_layer', `Input(shape=${formatPythonShape(inputBatchShape(state.input.args).slice(1))})`, formatSummaryShape(inputBatchShape(state.input.args)), '0']);
    model.analysis().layers.forEach((row, i) => {
      const layer = state.layers[i]!;
      const call = formatLayerCall(findLayerSpec(layer.className)!, layer.args, null, new Set(Object.keys(layer.given)));
      rows.push([String(row.index), row.name, call, row.outputShape ? formatSummaryShape(row.outputShape) : '?', row.params.toLocaleString('en-US')]);
    });
    return [table({ style: 'plain', columns: COLUMNS, rows, trimEnd: true })];
  },
});
