import { useCallback, useRef, useState } from 'react';
import { executeLine } from '../commands/execute.js';
import type { CommandContext } from '../commands/types.js';
import type { CellData } from './components/Cell.js';

interface Runner {
  /** Finished cells, oldest first (printed once through Static). */
  readonly cells: readonly CellData[];
  /** Commands accepted at the prompt but not finished yet (one runs, the rest wait). */
  readonly waiting: readonly string[];
  /** Accepted commands that changed the model since start: what "unsaved" means for now. */
  readonly changes: number;
  /** The running command's progress line (`Reading big.csv: 45% …`), if it reports one. */
  readonly progress: string | null;
  run(source: string): void;
  /** Cancels the running command (a load stops at its next batch); false when none runs. */
  cancel(): boolean;
}

/**
 * Runs commands through executeLine (the one path replay takes too), one at a time and in order
 * even when typed or pasted faster than they finish, and keeps the cells.
 */
export function useRunner(ctx: CommandContext, columns: () => number, afterEach?: () => void): Runner {
  const [cells, setCells] = useState<readonly CellData[]>([]);
  const [waiting, setWaiting] = useState<readonly string[]>([]);
  const [changes, setChanges] = useState(0);
  const [progress, setProgress] = useState<string | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const count = useRef(0);
  const running = useRef<AbortController | null>(null);

  const run = useCallback(
    (source: string) => {
      count.current += 1;
      const number = count.current;
      setWaiting((w) => [...w, source]);
      queue.current = queue.current.then(async () => {
        const before = ctx.session.model.state;
        // A getter: what a command prints after a long fit is sized for the terminal as it is then.
        const controller = new AbortController();
        running.current = controller;
        const runCtx: CommandContext = Object.defineProperties({ ...ctx, progress: setProgress, signal: controller.signal }, { columns: { get: columns, enumerable: true } });
        const result = await executeLine(runCtx, source);
        running.current = null;
        setProgress(null);
        if (result.ok && ctx.session.model.state !== before) setChanges((n) => n + 1);
        setWaiting((w) => w.slice(1));
        setCells((c) => [...c, { id: number, number, source, blocks: result.blocks, ok: result.ok }]);
        afterEach?.();
      });
    },
    [ctx, columns, afterEach],
  );
  const cancel = useCallback((): boolean => {
    const controller = running.current;
    if (!controller || controller.signal.aborted) return false;
    controller.abort();
    return true;
  }, []);
  return { cells, waiting, changes, progress, run, cancel };
}
