import { createContext } from '../../src/commands/context.js';
import { executeLine } from '../../src/commands/execute.js';
import type { CommandContext } from '../../src/commands/types.js';
import { renderBlockText } from '../../src/render/block-text.js';
import type { TrainingControl, TrainingEvent, TrainingHooks } from '../../src/core/training.js';

/** A fresh session on the cpu backend (deterministic, and what every machine has). */
export function session(hooks?: TrainingHooks): CommandContext {
  const ctx = createContext({ columns: 80, backend: 'cpu' });
  return hooks ? { ...ctx, training: hooks } : ctx;
}

/** Runs lines in order; every one must be accepted. Returns the text of the last. */
export async function run(ctx: CommandContext, ...lines: string[]): Promise<string> {
  let out = '';
  for (const line of lines) {
    const r = await executeLine(ctx, line);
    out = r.blocks.map((b) => renderBlockText(b, 80)).join('\n');
    if (!r.ok) throw new Error(`'${line}' was refused:\n${out}`);
  }
  return out;
}

/** Runs one line that must be refused; returns its text. */
export async function refused(ctx: CommandContext, line: string): Promise<string> {
  const r = await executeLine(ctx, line);
  if (r.ok) throw new Error(`'${line}' was accepted`);
  return r.blocks.map((b) => renderBlockText(b, 80)).join('\n');
}

/** Training hooks that record events and hand the control to `onBatch`. */
export function recorder(onBatch?: (event: TrainingEvent & { kind: 'batch' }, control: TrainingControl) => void) {
  const events: TrainingEvent[] = [];
  const controls: (TrainingControl | null)[] = [];
  const hooks: TrainingHooks = {
    onEvent(e) {
      events.push(e);
      if (e.kind === 'batch' && onBatch && controls.at(-1)) onBatch(e, controls.at(-1)!);
    },
    setControl(c) {
      controls.push(c);
    },
  };
  return { events, controls, hooks };
}

export const IRIS_MODEL = ['load builtin:iris', "Dense(8, activation='relu')", "Dense(3, activation='softmax')"];
