import { findLayerSpec, formatArgValue } from '../layers/index.js';
import { formatSummaryShape, formatPythonShape } from '../core/shape.js';
import { text } from '../render/blocks.js';
import { defineCommand } from './types.js';
import type { WeightStats } from '../session/engine-handle.js';
import { layerRef, simple } from './options.js';
import { asLayerRef, checkArity } from './words.js';

function formatStat(n: number): string {
  return Number.isFinite(n) ? n.toPrecision(4) : String(n);
}

function statLine(w: WeightStats): string {
  return `    ${w.name} ${formatPythonShape([...w.shape])}: min ${formatStat(w.min)}  max ${formatStat(w.max)}  mean ${formatStat(w.mean)}  std ${formatStat(w.std)}  NaN ${w.nanCount}  Inf ${w.infCount}`;
}

export const inspect = defineCommand({
  name: 'inspect',
  aliases: ['show'],
  group: 'Look at the model',
  summary: "A layer's full config (every Keras argument, defaults included), shapes, weights and their statistics.",
  options: simple([layerRef()]),
  examples: ['inspect 1', 'inspect conv2d'],
  async run({ session: { model: session, engine } }, { args }) {
    checkArity('inspect', args, 1, this.usage);
    const at = session.layerIndex(asLayerRef(args[0], 'inspect'));
    const layer = session.state.layers[at]!;
    const row = session.analysis().layers[at]!;
    const spec = findLayerSpec(layer.className)!;
    const lines = [`${layer.name} (${layer.className}), layer ${at + 1}`];
    lines.push(`  input shape:  ${row.inputShape ? formatSummaryShape(row.inputShape) : '? (no Input yet)'}`);
    lines.push(`  output shape: ${row.outputShape ? formatSummaryShape(row.outputShape) : '? (no Input yet)'}`);
    lines.push('  config:');
    lines.push(`    name: '${layer.name}'`);
    for (const argSpec of spec.args) {
      const value = layer.args[argSpec.name] ?? null;
      // get_config()'s view: Lambda's `arguments=None` is `{}` there (the signature keeps None).
      lines.push(`    ${argSpec.name}: ${argSpec.noneAsEmptyDict && value === null ? '{}' : formatArgValue(argSpec, value)}`);
    }
    lines.push(`  weights: ${row.weights.length === 0 ? 'none' : `${row.params.toLocaleString('en-US')} params`}`);
    for (const w of row.weights) {
      const count = w.shape.reduce((a, b) => a * b, 1);
      lines.push(`    ${w.name} ${formatPythonShape([...w.shape])}  ${count.toLocaleString('en-US')}${w.trainable ? '' : '  (non-trainable)'}`);
    }
    if (row.outputShape && row.weights.length > 0) {
      const stats = await engine.weightStats(session.plan(), layer.name);
      if (stats.length > 0) lines.push('  weight values:', ...stats.map(statLine));
    }
    return [text(lines.join('\n'))];
  },
});
