import { findLayerSpec, formatArgValue, LAYERS, suggestLayerName } from '../layers/index.js';
import type { LayerSpec } from '../layers/types.js';
import { suggestName } from '../core/suggest.js';
import { UserError } from '../core/user-error.js';
import { text } from '../render/blocks.js';
import { COMMANDS, findCommand } from './index.js';
import { optionsHelp, simple, usageText } from './options.js';
import { defineCommand, type CommandDef } from './types.js';
import { asWord, checkArity, unknownNameHint } from './words.js';

/** `Dense(units, activation='linear', use_bias=True, …)` from the catalog declaration. */
function layerSignature(spec: LayerSpec): string {
  const parts = spec.args.map((a) => (a.required ? a.name : `${a.name}=${formatArgValue(a, a.default)}`));
  return `${spec.className === 'InputLayer' ? 'Input' : spec.className}(${parts.join(', ')})`;
}

function layerHelp(spec: LayerSpec): string {
  const width = Math.max(...spec.args.map((a) => a.name.length));
  const args = spec.args.map((a) => {
    const def = a.required ? 'required' : `default ${formatArgValue(a, a.default)}`;
    return `  ${a.name.padEnd(width)}  ${a.kind}, ${def}\n  ${' '.repeat(width)}  ${a.doc}`;
  });
  return [layerSignature(spec), '', spec.doc, '', 'Arguments:', ...args].join('\n');
}

/** `help layers`: the catalog, one line each, fitting 80 columns. */
function catalogHelp(): string {
  const names = LAYERS.map((l) => (l.className === 'InputLayer' ? 'Input' : l.className));
  const width = Math.max(...names.map((n) => n.length));
  const rows = LAYERS.map((l, i) => `  ${names[i]!.padEnd(width)}  ${l.brief}`);
  const command = findCommand('layers');
  return [
    'Layers klayers supports (Keras 3 names and defaults):',
    ...rows,
    '',
    'A bare call such as Dense(64) adds one. `help NAME` or `NAME?` explains one.',
    ...(command ? [`The layers command lists the model's own layers: ${usageText(command.name, command.options)}`] : []),
  ].join('\n');
}

function commandHelp(cmd: CommandDef): string {
  const aliases = cmd.aliases?.length ? `\nAliases: ${cmd.aliases.join(', ')}` : '';
  const options = optionsHelp(cmd.options);
  const details = cmd.details ? ['', cmd.details()] : [];
  return [usageText(cmd.name, cmd.options), '', cmd.summary + aliases, '', 'Examples:', ...cmd.examples.map((e) => `  ${e}`), ...(options ? ['', options] : []), ...details].join('\n');
}

function overview(): string {
  const groups = new Map<string, CommandDef[]>();
  for (const cmd of COMMANDS) groups.set(cmd.group, [...(groups.get(cmd.group) ?? []), cmd]);
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const sections = [...groups].map(([group, cmds]) => [`${group}:`, ...cmds.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`)].join('\n'));
  const layerNames = LAYERS.map((l) => (l.className === 'InputLayer' ? 'Input' : l.className)).join(', ');
  return [...sections, `Layers: ${layerNames}`, 'A bare layer call such as Dense(64) adds it. `help NAME` or `NAME?` explains a command or a layer.'].join('\n\n');
}

export const help = defineCommand({
  name: 'help',
  aliases: ['?'],
  group: 'Help',
  summary: 'List commands; `help layers` lists the layers, `help Dense` (or `Dense?`) explains one.',
  options: simple([{ shown: 'COMMAND|LAYER', takes: { kind: 'help-topic' }, optional: true }]),
  examples: ['help', 'help layers', 'help Conv2D', 'Dense?', 'help set'],
  run(_ctx, { args }) {
    checkArity('help', args, 1, this.usage);
    if (args.length === 0) return [text(overview())];
    const topic = asWord(args[0]) ?? '';
    if (topic === 'layers') return [text(catalogHelp())];
    const spec = findLayerSpec(topic);
    if (spec) return [text(layerHelp(spec))];
    const cmd = findCommand(topic);
    if (cmd) return [text(commandHelp(cmd))];
    const suggestion = suggestLayerName(topic) ?? suggestName(topic, COMMANDS.map((c) => c.name));
    throw new UserError(`No command or layer named '${topic}'.`, unknownNameHint(suggestion));
  },
});
