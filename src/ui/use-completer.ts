import { useMemo } from 'react';
import type { CommandContext } from '../commands/types.js';
import { commonExtension, complete, signatureHint, type CompletionContext } from './complete-api.js';
import type { Line } from './editor/line.js';
import type { CompletionStep } from './editor/tab.js';

/** What completion knows about the session: the layers the model has now. */
function completionContext(ctx: CommandContext): CompletionContext {
  const layers = ctx.session.model.state.layers;
  return { layerNames: layers.map((l) => l.name), layerCount: layers.length, cwd: process.cwd(), layerClasses: layers.map((l) => l.className) };
}

/**
 * Tab completion and the signature hint for the line at the prompt, seen together with the
 * lines already entered of a call still open, so `Dense(4,` ⏎ `act` completes `activation=`.
 */
function makeCompleter(ctx: CommandContext, pending: () => readonly string[], columns: () => number) {
  const joined = (text: string, cursor: number) => {
    const before = pending().map((l) => l + '\n').join('');
    return { full: before + text, at: before.length + cursor };
  };
  return {
    step(text: string, cursor: number): CompletionStep {
      const { full, at } = joined(text, cursor);
      const found = complete(full, at, completionContext(ctx));
      const shift = full.length - text.length;
      const completion = { ...found, from: found.from - shift, to: found.to - shift };
      return { completion, extension: commonExtension(full, found) };
    },
    hint(line: Line) {
      const { full, at } = joined(line.text, line.cursor);
      return signatureHint(full, at, columns());
    },
  };
}

export function useCompleter(ctx: CommandContext, pending: () => readonly string[], columns: () => number) {
  return useMemo(() => makeCompleter(ctx, pending, columns), [ctx]); // eslint-disable-line react-hooks/exhaustive-deps
}
