import { createContext } from '../../../src/commands/context.js';
import { executeLine } from '../../../src/commands/execute.js';
import { renderBlockText } from '../../../src/render/block-text.js';

/** Types `lines` into a fresh session; the text of the first refusal, or null if all were accepted. */
export async function refusalMessage(lines: readonly string[]): Promise<string | null> {
  const ctx = createContext({ columns: 200, backend: 'cpu' });
  for (const line of lines) {
    const result = await executeLine(ctx, line);
    if (!result.ok) return result.blocks.map((b) => renderBlockText(b, 200)).join('\n');
  }
  return null;
}
