import type { KlayersSession } from '../session/klayers-session.js';
import type { Checkpointer } from './checkpointer.js';

/**
 * A checkpoint at the end of every epoch of every fit of `session`, whoever runs it (the REPL's
 * live view or a piped replay). Each checkpoint names the journal cell of the fit that took it:
 * the fit is the next cell, recorded once it is accepted. Returns the detach.
 */
export function checkpointEveryEpoch(session: KlayersSession, checkpointer: Checkpointer): () => void {
  let cell = 0;
  return session.engine.onFit((event, fit) => {
    if (event.kind === 'started') cell = session.transcript.cells.length;
    if (event.kind !== 'epoch') return;
    const fitEpoch = event.epoch - fit.firstEpoch + 1;
    checkpointer.capture(session, fit.plan, { cell, epoch: event.epoch, fitEpoch, fitEpochs: fit.epochs });
  });
}
