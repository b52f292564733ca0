import { mkdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { UserError } from '../core/user-error.js';
import { message, type Block } from '../render/blocks.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { commandPath } from '../session-file/base-dir.js';
import { SESSION_EXTENSION } from '../session-file/format.js';
import { renderOutput, formatSessionFile, sessionHeader } from '../session-file/write.js';
import type { CommandContext, CommandInput } from './types.js';
import { asWord } from './words.js';
import { formatValue } from '../lang/format-value.js';

/** Lines a saved session leaves out: saving itself again on every replay would only rewrite files. */
const NOT_SAVED = /^\s*save\s+session\b/;

/** `iris` → `sessions/iris.klayers`; a name is a plain file name, so it cannot point elsewhere. */
function sessionPath(name: string): string {
  const bare = name.endsWith(SESSION_EXTENSION) ? name.slice(0, -SESSION_EXTENSION.length) : name;
  if (!/^[\w.-]+$/.test(bare) || bare.startsWith('.')) {
    throw new UserError(`A session name is letters, digits, '_', '-' and '.'. Received: ${formatValue(name)}`, 'Example: save session iris_mlp (writes sessions/iris_mlp.klayers).');
  }
  return join('sessions', bare + SESSION_EXTENSION);
}

/**
 * `save session NAME`: the session's accepted commands and their outputs, as a session file
 * `sessions/NAME.klayers` (beside a replayed file, else in the working directory), written
 * atomically. `klayers replay` runs it; `--check` proves it still prints the same.
 */
export async function saveSession(ctx: CommandContext, input: CommandInput | string): Promise<Block[]> {
  const args = typeof input === 'string' ? [input] : input.args;
  if (typeof input !== 'string' && Object.keys(input.kwargs).length > 0) throw new UserError('save session takes a name only.', 'Example: save session iris');
  if (args.length !== 1) throw new UserError(`save session takes one name; got ${args.length}.`, 'Example: save session iris');
  const name = asWord(args[0]);
  if (!name) throw new UserError('save session needs a name.', 'Example: save session iris');
  const path = sessionPath(name);
  const cells = ctx.session.transcript.cells.filter((c) => !NOT_SAVED.test(c.source));
  if (cells.length === 0) throw new UserError('Nothing to save yet: no command has been accepted in this session.');
  const file = {
    preamble: sessionHeader(ctx.columns),
    cells: cells.map((c) => ({ command: c.source, lineNo: 0, comments: [], output: renderOutput(c.blocks, ctx.columns) })),
  };
  const target = commandPath(ctx, path);
  await mkdir(dirname(target), { recursive: true });
  await writeFileAtomic(target, formatSessionFile(file));
  const shown = ctx.baseDir ? relative(process.cwd(), target) || target : path;
  return [message(`Saved ${cells.length} command${cells.length === 1 ? '' : 's'} and their outputs to ${shown}. Run it again with: klayers replay ${shown} --check`)];
}
