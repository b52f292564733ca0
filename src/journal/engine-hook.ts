import type { CommandContext, EngineAccess } from '../commands/types.js';
import type { FitSpec } from '../engine/train/types.js';
import type { TrainingEvent, TrainingHooks } from '../core/training.js';
import type { Checkpointer } from './checkpointer.js';

/** The fit's own hooks (live view, or none in a replay) plus a listener that sees every event. */
function teeHooks(hooks: TrainingHooks | null, listen: (e: TrainingEvent) => void): TrainingHooks {
  return {
    onEvent(e) {
      listen(e);
      hooks?.onEvent(e);
    },
    setControl(control) {
      hooks?.setControl(control);
    },
  };
}

/**
 * The engine with a checkpoint taken at the end of every epoch of every fit, whoever runs it
 * (the REPL's live view or a piped replay). `cell` tells which journal cell the fit will be.
 * With hooks present the fit also lets the event loop run every few tens of ms, which is what
 * lets the background checkpoint writes reach the disk while a long fit is still going.
 */
export function withCheckpoints(engine: EngineAccess, checkpointer: Checkpointer, cell: () => number): EngineAccess {
  const training = engine.training;
  if (!training) return engine;
  return {
    ...engine,
    async training() {
      const api = await training.call(engine);
      const engineModule = await import('../engine/index.js');
      const fit = (spec: FitSpec) => {
        const at = cell();
        const hooks = teeHooks(spec.hooks, (e) => {
          if (e.kind !== 'epoch') return;
          const fitEpoch = e.epoch - spec.firstEpoch + 1;
          checkpointer.capture(engineModule, spec.key, spec.plan, { cell: at, epoch: e.epoch, fitEpoch, fitEpochs: spec.epochs });
        });
        return api.fit({ ...spec, hooks });
      };
      return { ...api, fit };
    },
  };
}

/** The context with checkpointing engine access (the rest shared, as the REPL shares it). */
export function checkpointedContext(ctx: CommandContext, checkpointer: Checkpointer): CommandContext {
  return { ...ctx, engine: withCheckpoints(ctx.engine, checkpointer, () => ctx.transcript?.cells.length ?? 0) };
}
