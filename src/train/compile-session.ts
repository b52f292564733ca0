import type { Value } from '../lang/ast.js';
import { message, type Block } from '../render/blocks.js';
import { dataSessionOf } from '../data/data-session.js';
import type { CommandContext } from '../commands/types.js';
import { formatCompile, parseLoss, parseMetrics } from './compile-config.js';
import { type CompileConfig } from '../core/training.js';
import { inferenceReason, inferLoss, inferMetrics } from './infer-compile.js';
import { modelIO, type ModelIO } from './model-io.js';
import { DEFAULT_OPTIMIZER, parseOptimizer } from './optimizer-config.js';
import { trainStateOf } from './state.js';

function safeIO(ctx: CommandContext): ModelIO | null {
  try {
    return modelIO(ctx.session);
  } catch {
    return null;
  }
}

/**
 * A compile from what was given, the rest filled in: Keras's default optimizer (rmsprop), the
 * loss and metrics inferred from the data's task. The note says what was not given.
 */
export function buildCompile(ctx: CommandContext, given: { optimizer?: Value; loss?: Value; metrics?: Value }): { config: CompileConfig; note: string | null } {
  const dataset = dataSessionOf(ctx).loaded?.dataset ?? null;
  const loss = given.loss !== undefined ? parseLoss(given.loss) : inferLoss(dataset, safeIO(ctx));
  const config: CompileConfig = {
    optimizer: given.optimizer !== undefined ? parseOptimizer(given.optimizer) : DEFAULT_OPTIMIZER,
    loss,
    metrics: given.metrics !== undefined ? parseMetrics(given.metrics) : inferMetrics(dataset, loss),
  };
  const notes: string[] = [];
  if (given.optimizer === undefined) notes.push("optimizer: Keras's default");
  const inferred = [given.loss === undefined ? 'loss' : null, given.metrics === undefined ? 'metrics' : null].filter(Boolean);
  if (inferred.length > 0) notes.push(`${inferred.join(' and ')} ${inferenceReason(dataset)}`);
  return { config, note: notes.length > 0 ? `(${notes.join('; ')})` : null };
}

/** The session's compile, compiling with every default first when `compile` was never run. */
export function sessionCompile(ctx: CommandContext): { config: CompileConfig; blocks: Block[] } {
  const state = trainStateOf(ctx);
  if (state.compile) return { config: state.compile, blocks: [] };
  const { config, note } = buildCompile(ctx, {});
  state.compile = config;
  return { config, blocks: [message(`Not compiled yet; using ${formatCompile(config)} ${note ?? ''}`.trimEnd())] };
}
