import type { Value } from '../lang/ast.js';
import { message, type Block } from '../render/blocks.js';
import type { KlayersSession } from '../session/klayers-session.js';
import { formatCompile, parseLoss, parseMetrics } from './compile-config.js';
import { type CompileConfig } from '../core/training.js';
import { inferenceReason, inferLoss, inferMetrics } from './infer-compile.js';
import { modelIO, type ModelIO } from './model-io.js';
import { DEFAULT_OPTIMIZER, parseOptimizer } from './optimizer-config.js';

function safeIO(session: KlayersSession): ModelIO | null {
  try {
    return modelIO(session.model);
  } catch {
    return null;
  }
}

/**
 * A compile from what was given, the rest filled in: Keras's default optimizer (rmsprop), the
 * loss and metrics inferred from the data's task. The note says what was not given.
 */
export function buildCompile(session: KlayersSession, given: { optimizer?: Value; loss?: Value; metrics?: Value }): { config: CompileConfig; note: string | null } {
  const dataset = session.data?.dataset ?? null;
  const loss = given.loss !== undefined ? parseLoss(given.loss) : inferLoss(dataset, safeIO(session));
  const config: CompileConfig = {
    optimizer: given.optimizer !== undefined ? parseOptimizer(given.optimizer) : DEFAULT_OPTIMIZER,
    loss,
    metrics: given.metrics !== undefined ? parseMetrics(given.metrics) : inferMetrics(dataset, loss),
    ...(given.metrics === undefined ? { metricsInferred: true } : {}),
  };
  const notes: string[] = [];
  if (given.optimizer === undefined) notes.push("optimizer: Keras's default");
  const inferred = [given.loss === undefined ? 'loss' : null, given.metrics === undefined ? 'metrics' : null].filter(Boolean);
  if (inferred.length > 0) notes.push(`${inferred.join(' and ')} ${inferenceReason(dataset)}`);
  return { config, note: notes.length > 0 ? `(${notes.join('; ')})` : null };
}

/** The session's compile, compiling with every default first when `compile` was never run. */
export function sessionCompile(session: KlayersSession): { config: CompileConfig; blocks: Block[] } {
  const state = session.training;
  if (state.compile) return { config: state.compile, blocks: [] };
  const { config, note } = buildCompile(session, {});
  state.compile = config;
  return { config, blocks: [message(`Not compiled yet; using ${formatCompile(config)} ${note ?? ''}`.trimEnd())] };
}
