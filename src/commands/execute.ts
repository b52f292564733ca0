import { isCall, type Call, type Line } from '../lang/ast.js';
import { formatSyntaxError, parseLine } from '../lang/index.js';
import { findLayerSpec, suggestLayerName } from '../layers/index.js';
import { suggestName } from '../core/suggest.js';
import { UserError } from '../core/user-error.js';
import { fileError } from '../fs/file-errors.js';
import { error, text, warning, type Block } from '../render/blocks.js';
import type { ModelState } from '../model/state.js';
import { newMaskWarnings } from '../model/masks.js';
import { COMMANDS, findCommand } from './index.js';
import { checkCommandKeywords } from './options.js';
import { newSequential } from './sequential.js';
import type { CommandContext, CommandInput } from './types.js';
import { unknownNameHint } from './words.js';

/** The result of one line: its output blocks, and whether it was accepted. */
export interface Execution {
  readonly blocks: readonly Block[];
  readonly ok: boolean;
}

/** `keras.layers.Dense` → `Dense`; `model.add` → `model.add`. */
function bareName(name: string): string {
  return name.replace(/^(tf\.)?(keras\.)?(layers\.|models\.)?/, '');
}

const commandNames = () => COMMANDS.map((c) => c.name);

/** What a call on its own line means: a model method, a layer to add, Sequential, or a command. */
function dispatchCall(call: Call): { command: string; input: CommandInput } {
  const name = bareName(call.name);
  const input = { args: call.args, kwargs: call.kwargs };
  const method = /^model\.(\w+)$/.exec(name);
  if (method) {
    const m = method[1]!;
    if (m === 'pop') return { command: 'remove', input };
    if (findCommand(m)) return { command: m, input };
    throw new UserError(`klayers does not know model.${m}(); it knows model.add(...), model.pop() and model.summary().`);
  }
  if (name === 'Sequential') return { command: 'sequential', input };
  const spec = findLayerSpec(name);
  if (spec) return { command: spec.className === 'InputLayer' ? 'input' : 'add', input: { args: [call], kwargs: {} } };
  if (findCommand(name)) return { command: name, input };
  throw new UserError(`Unknown layer or command '${call.name}'.`, unknownNameHint(suggestLayerName(name) ?? suggestName(name, commandNames())));
}

function dispatch(line: Line): { command: string; input: CommandInput } | null {
  switch (line.kind) {
    case 'empty':
    case 'import':
      return null;
    case 'assign': {
      if (!isCall(line.value) || bareName(line.value.name) !== 'Sequential') {
        throw new UserError(`klayers holds one Sequential model; it cannot assign ${line.target} = ... .`, "Write model = keras.Sequential(...) or just add layers.");
      }
      return { command: 'sequential', input: { args: line.value.args, kwargs: line.value.kwargs } };
    }
    case 'expr':
      if (!isCall(line.value)) throw new UserError('A line must be a command or a layer call such as Dense(64).', 'Type help for the commands.');
      return dispatchCall(line.value);
    case 'command': {
      if (line.name.endsWith('?') && line.name.length > 1) return { command: 'help', input: { args: [line.name.slice(0, -1)], kwargs: {} } };
      if (findLayerSpec(line.name) && !findCommand(line.name)) {
        throw new UserError(`${line.name} needs parentheses: ${line.name}(...).`, `Type help ${line.name} for its arguments.`);
      }
      if (!findCommand(line.name)) {
        throw new UserError(`Unknown command '${line.name}'.`, unknownNameHint(suggestName(line.name, commandNames())));
      }
      return { command: line.name, input: { args: line.args, kwargs: line.kwargs } };
    }
  }
}

/**
 * After a change, the engine says whether it can build the new model (an argument tfjs cannot
 * honour is refused here, before anything runs). Returns the error block, or null when fine.
 */
async function engineRefusal(ctx: CommandContext, previous: ModelState): Promise<Block | null> {
  const model = ctx.session.model;
  if (model.state === previous || model.state.layers.length === 0) return null;
  const problems = await ctx.session.engine.unsupported(model.plan());
  const first = problems[0];
  return first ? error(first.message, first.hint) : null;
}

/**
 * Executes one logical line (typed, replayed or piped: the one path). Never throws for user
 * input: every problem becomes an error block and the session stays as it was. An accepted line
 * joins the session's transcript (as typed, `$param`s and all).
 */
export async function executeLine(ctx: CommandContext, source: string): Promise<Execution> {
  const before = ctx.session.snapshot();
  const result = await executeUnrecorded(ctx, source);
  // A refused line leaves the session as it was: model, data, compile, seed, history.
  if (!result.ok) ctx.session.restore(before);
  if (!result.ok || source.trim() === '') return result;
  const notes = ctx.session.transcript.record({ source, blocks: result.blocks, columns: ctx.columns });
  return notes.length === 0 ? result : { ok: true, blocks: [...result.blocks, ...notes] };
}

async function executeUnrecorded(ctx: CommandContext, typed: string): Promise<Execution> {
  let source = typed;
  try {
    source = ctx.session.params.expand(typed);
  } catch (err) {
    if (err instanceof UserError) return { ok: false, blocks: [error(err.message, err.hint)] };
    throw err;
  }
  const parsed = parseLine(source);
  if (!parsed.ok) return { ok: false, blocks: [text(formatSyntaxError(source, parsed.error))] };
  try {
    const target = dispatch(parsed.line);
    if (target === null) return { ok: true, blocks: [] };
    const previous = ctx.session.model.state;
    const cmd = target.command === 'sequential' ? null : findCommand(target.command)!;
    if (cmd) checkCommandKeywords(cmd.name, cmd.options, target.input.kwargs);
    const blocks = cmd ? await cmd.run(ctx, target.input) : newSequential(ctx, target.input);
    const refusal = await engineRefusal(ctx, previous);
    if (refusal) return { ok: false, blocks: [refusal] };
    // Keras's "will therefore destroy the mask information" UserWarning, on the line that causes it.
    const masks = newMaskWarnings(previous, ctx.session.model.state).map(warning);
    return { ok: true, blocks: masks.length === 0 ? blocks : [...blocks, ...masks] };
  } catch (err) {
    const problem = fileError(err);
    if (problem instanceof UserError) return { ok: false, blocks: [error(problem.message, problem.hint)] };
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, blocks: [error(`Internal error: ${detail}`, 'The session is unchanged; please report this.')] };
  }
}
