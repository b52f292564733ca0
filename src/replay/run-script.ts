import { executeLine } from '../commands/execute.js';
import type { CommandContext } from '../commands/types.js';
import { renderBlockText } from '../render/block-text.js';
import { error } from '../render/blocks.js';
import { echoCommand } from '../session-file/format.js';
import type { ScriptLine } from './logical-lines.js';

export { CONTINUATION, PROMPT } from '../session-file/format.js';

interface ScriptOutcome {
  /** 1-based line number of the first failed command, or null when all were accepted. */
  readonly firstErrorLine: number | null;
  readonly executed: number;
}

/**
 * Runs script commands through the same executor as the REPL, writing each command and its
 * output as plain text. Stops at the first error unless keepGoing.
 */
export async function runScript(
  ctx: CommandContext,
  lines: readonly ScriptLine[],
  write: (text: string) => void,
  keepGoing: boolean,
): Promise<ScriptOutcome> {
  let firstErrorLine: number | null = null;
  let executed = 0;
  for (const line of lines) {
    write(echoCommand(line.problem ? line.text.split('\n', 1)[0]! : line.text) + '\n');
    const result = line.problem ? { ok: false, blocks: [error(line.problem)] } : await executeLine(ctx, line.text);
    executed += 1;
    for (const block of result.blocks) write(renderBlockText(block, ctx.columns) + '\n');
    if (!result.ok) {
      firstErrorLine ??= line.lineNo;
      if (!keepGoing) break;
    }
  }
  return { firstErrorLine, executed };
}
