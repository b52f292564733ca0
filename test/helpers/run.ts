import { createContext } from '../../src/commands/context.js';
import { executeLine, type Execution } from '../../src/commands/execute.js';
import type { CommandContext } from '../../src/commands/types.js';
import { renderBlockText } from '../../src/render/block-text.js';

/** A fresh session as a user gets it, on the cpu backend, at a fixed width. */
export function freshContext(columns = 80): CommandContext {
  return createContext({ columns, backend: 'cpu' });
}

/** Runs one line and returns what a user would read, plus whether it was accepted. */
export async function run(ctx: CommandContext, line: string): Promise<{ ok: boolean; text: string; exec: Execution }> {
  const exec = await executeLine(ctx, line);
  return { ok: exec.ok, text: exec.blocks.map((b) => renderBlockText(b, ctx.columns)).join('\n'), exec };
}

/** Runs lines that must all be accepted; fails with the output of the first that is not. */
export async function runAll(ctx: CommandContext, lines: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const line of lines) {
    const r = await run(ctx, line);
    if (!r.ok) throw new Error(`'${line}' was refused:\n${r.text}`);
    out.push(r.text);
  }
  return out;
}
