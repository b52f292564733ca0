import { isCall, isIdent, type Call, type Line, type Value } from '../lang/ast.js';
import { formatValue } from '../lang/format-value.js';
import type { ConstantStore } from '../session/constants.js';
import { unreadablePython, assignConstant, bareName, constantLookup, printValues, pythonStatement, resolveOrThrow, skippedCall, takesArrays, unpackTargets } from './script-line.js';
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

/** An assignment (group 1: the name) or a print(...) call whose Python klayers cannot read. */
const PYTHON_ONLY = /^\s*(?:([A-Za-z_]\w*)\s*(=)(?!=)|(print)\s*\()/;
/** `x, y = a[:n], b[n:]`, `y[y == -1] = 0`, `x += 1`: the targets (group 1) of an assignment. */
const PYTHON_TARGETS = /^\s*([A-Za-z_(][\w\s.,()[\]'"=<>!+\-*/:]*?)\s*(?:[-+*/%]=|(?<![=<>!])=)(?!=)/;
/** `plt.plot(...)`, `np.random.shuffle(x)`: a call statement (group 1: its name). */
const PYTHON_CALL = /^\s*([A-Za-z_]\w*(?:\.\w+)*)\s*\(/;

/**
 * A line the call syntax does not read, noted when it is Python beside the model (data
 * handling, plotting); null for a line of the model's own, whose syntax error the user needs.
 */
function pythonOnly(source: string, constants: ConstantStore): readonly Block[] | null {
  const plain = PYTHON_ONLY.exec(source);
  if (plain) return plain[1] !== undefined ? unreadablePython(`${plain[1]} = ...`, [plain[1]], constants) : unreadablePython('print(...)', [], constants);
  const targets = PYTHON_TARGETS.exec(source);
  const unindexed = targets?.[1]!.replace(/\[[^\]]*\]/g, '');
  if (targets && unindexed !== undefined && !/\w\s*\(/.test(unindexed)) {
    if ((unindexed.match(/[A-Za-z_]\w*/g) ?? []).some((n) => constants.isModel(n))) return null;
    // `a, (b, c) = ...` sets a, b and c; `y[i] = ...` and `obj.attr = ...` set no name of their own.
    const names = unindexed.split(',').map((n) => n.replace(/[()\s]/g, '')).filter((n) => /^[A-Za-z_]\w*$/.test(n));
    return unreadablePython(`${targets[1]!.trim()} = ...`, names, constants);
  }
  const call = PYTHON_CALL.exec(source);
  if (call) {
    const name = bareName(call[1]!);
    const root = call[1]!.split('.')[0]!;
    if (constants.isModel(root) || findLayerSpec(name) || findCommand(name) || name === 'Sequential') return null;
    if (name.includes('.') || constants.get(name)?.kind === 'skipped') return unreadablePython(`${call[1]!}(...)`, [], constants);
  }
  return null;
}

const commandNames = () => COMMANDS.map((c) => c.name);

type Target = { command: string; input: CommandInput; after?: readonly Block[] } | { blocks: readonly Block[] };

const MODEL_METHOD = /^([A-Za-z_]\w*)\.(\w+)$/;
/** A Keras loss or metric object with no arguments: `keras.losses.MeanSquaredError()` → 'mean_squared_error'. */
const KERAS_OBJECT = /^(?:(?:tf\.)?keras(?:_core)?\.)?(?:losses|metrics)\.([A-Z]\w*)$/;

function kerasObjectName(v: Value): Value {
  if (Array.isArray(v)) return v.map(kerasObjectName);
  if (!isCall(v)) return v;
  const m = KERAS_OBJECT.exec(v.name);
  if (m && v.args.length === 0 && Object.keys(v.kwargs).length === 0) return m[1]!.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  const name = v.name.replace(/^(tf\.)?(keras_core\.|keras\.)?optimizers\./, '');
  return name === v.name ? v : { ...v, name };
}

/** What a call on its own line means: a model method, a layer to add, Sequential, print, or a command. */
function dispatchCall(call: Call, constants: ConstantStore): Target {
  const name = bareName(call.name);
  if (name === 'print') {
    const inner = call.args[0];
    if (call.args.length === 1 && inner !== undefined && isCall(inner) && /^\w+\.summary$/.test(inner.name) && constants.isModel(inner.name.split('.')[0]!)) {
      return { ...dispatchCall(inner, constants), after: [text('None')] } as Target;
    }
    return { blocks: printValues(call, constants) };
  }
  const method = MODEL_METHOD.exec(name);
  if (method && constants.isModel(method[1]!)) {
    const m = method[2]!;
    const kwargs: Record<string, Value> = {};
    for (const [k, v] of Object.entries(call.kwargs)) Object.defineProperty(kwargs, k, { value: kerasObjectName(v), enumerable: true, writable: true, configurable: true });
    const input = { args: call.args.map(kerasObjectName), kwargs };
    if ((m === 'fit' || m === 'evaluate' || m === 'predict' || m === 'train_on_batch' || m === 'test_on_batch') && takesArrays(call, constants)) return { blocks: skippedCall(call, constants) };
    if (m === 'pop') return { command: 'remove', input };
    if (m === 'save' || m === 'save_weights' || m === 'load_weights' || m === 'to_json' || m === 'get_weights' || m === 'count_params') return { blocks: skippedCall(call, constants) };
    if (findCommand(m)) return { command: m, input };
    throw new UserError(`klayers does not know ${method[1]}.${m}(); it knows ${method[1]}.add(...), ${method[1]}.pop(), ${method[1]}.summary(), compile, fit, evaluate and predict.`);
  }
  const input = { args: call.args, kwargs: call.kwargs };
  if (name === 'Sequential') return { command: 'sequential', input };
  const spec = findLayerSpec(name);
  if (spec) return { command: spec.className === 'InputLayer' ? 'input' : 'add', input: { args: [call], kwargs: {} } };
  if (findCommand(name)) return { command: name, input };
  // Python beside the model (np.random.seed(1), plt.show(), keras.utils.set_random_seed(42)) is noted, not run.
  if (name.includes('.') && !constants.isModel(name.split('.')[0]!)) return { blocks: skippedCall(call, constants) };
  throw new UserError(`Unknown layer or command '${call.name}'.`, unknownNameHint(suggestLayerName(name) ?? suggestName(name, commandNames())));
}

function dispatch(line: Line, constants: ConstantStore): Target | null {
  const lookup = constantLookup(constants);
  switch (line.kind) {
    case 'empty':
    case 'import':
      return null;
    case 'python':
      return { blocks: pythonStatement(line, constants) };
    case 'unpack':
      return { blocks: unpackTargets(line, constants) };
    case 'assign': {
      if (isCall(line.value) && bareName(line.value.name) === 'Sequential') {
        const value = resolveOrThrow(line.value, lookup) as Call;
        constants.setModel(line.target);
        return { command: 'sequential', input: { args: value.args, kwargs: value.kwargs } };
      }
      return { blocks: assignConstant(line.target, line.value, constants) };
    }
    case 'expr': {
      if (typeof line.value === 'string') return { blocks: [] }; // a docstring
      if (!isCall(line.value)) {
        if (isIdent(line.value) || constants.get(String(line.value)) !== undefined) return { blocks: skippedCall({ kind: 'call', name: formatValue(line.value), args: [], kwargs: {}, column: 0 }, constants) };
        throw new UserError('A line must be a command or a layer call such as Dense(64).', 'Type help for the commands.');
      }
      const name = bareName(line.value.name);
      const method = MODEL_METHOD.exec(name);
      if (name === 'print' || (method && constants.isModel(method[1]!) && takesArrays(line.value, constants))) return dispatchCall(line.value, constants);
      if (name.includes('.') && !findLayerSpec(name) && !(method && constants.isModel(method[1]!))) return dispatchCall(line.value, constants);
      // `show(df)` where the script defined `def show(...)`: Python klayers does not run.
      if (constants.get(name)?.kind === 'skipped') return { blocks: skippedCall(line.value, constants) };
      const resolved = resolveOrThrow(line.value, lookup);
      return isCall(resolved) ? dispatchCall(resolved, constants) : { blocks: [] };
    }
    case 'command': {
      if (line.name.endsWith('?') && line.name.length > 1) return { command: 'help', input: { args: [line.name.slice(0, -1)], kwargs: {} } };
      if (findLayerSpec(line.name) && !findCommand(line.name)) {
        throw new UserError(`${line.name} needs parentheses: ${line.name}(...).`, `Type help ${line.name} for its arguments.`);
      }
      if (!findCommand(line.name)) {
        throw new UserError(`Unknown command '${line.name}'.`, unknownNameHint(suggestName(line.name, commandNames())));
      }
      const resolveCalls = (v: Value): Value => (isCall(v) || Array.isArray(v) ? resolveOrThrow(v, lookup) : v);
      const kwargs: Record<string, Value> = {};
      for (const [k, v] of Object.entries(line.kwargs)) Object.defineProperty(kwargs, k, { value: resolveCalls(v), enumerable: true, writable: true, configurable: true });
      return { command: line.name, input: { args: line.args.map(resolveCalls), kwargs } };
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
  if (!parsed.ok) {
    // `d = dict((c, i) for ...)`, `print("%d" % n, end="")`: Python beside the model that the
    // call syntax does not read; noted like other lines klayers does not run.
    const noted = pythonOnly(source, ctx.session.constants);
    if (noted) return { ok: true, blocks: noted };
    return { ok: false, blocks: [text(formatSyntaxError(source, parsed.error))] };
  }
  try {
    const target = dispatch(parsed.line, ctx.session.constants);
    if (target === null) return { ok: true, blocks: [] };
    if ('blocks' in target) return { ok: true, blocks: target.blocks };
    const previous = ctx.session.model.state;
    const cmd = target.command === 'sequential' ? null : findCommand(target.command)!;
    if (cmd) checkCommandKeywords(cmd.name, cmd.options, target.input.kwargs);
    const blocks = cmd ? await cmd.run(ctx, target.input) : newSequential(ctx, target.input);
    const refusal = await engineRefusal(ctx, previous);
    if (refusal) return { ok: false, blocks: [refusal] };
    // Keras's "will therefore destroy the mask information" UserWarning, on the line that causes it.
    const masks = newMaskWarnings(previous, ctx.session.model.state).map(warning);
    return { ok: true, blocks: [...blocks, ...masks, ...(target.after ?? [])] };
  } catch (err) {
    const problem = fileError(err);
    if (problem instanceof UserError) return { ok: false, blocks: [error(problem.message, problem.hint)] };
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, blocks: [error(`Internal error: ${detail}`, 'The session is unchanged; please report this.')] };
  }
}
