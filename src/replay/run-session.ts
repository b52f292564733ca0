import { executeLine } from '../commands/execute.js';
import type { CommandContext } from '../commands/types.js';
import { DEFAULT_TOLERANCE, linesMatch, outputsMatch, type Tolerance } from '../session-file/compare.js';
import { unifiedDiff } from '../session-file/diff.js';
import { echoCommand, type SessionCell, type SessionFile } from '../session-file/format.js';
import { renderOutput } from '../session-file/write.js';

type SessionMode = 'run' | 'check' | 'update';

interface SessionOutcome {
  /** Cells whose new output differs from the recording. */
  readonly differing: readonly SessionCell[];
  /** The first command that failed where its recording shows no such failure. */
  readonly failedAt: SessionCell | null;
  readonly executed: number;
  /** Every cell with its new output (cells not run keep their recording). */
  readonly updated: SessionFile;
}

/** The per-cell diff `--check` prints: where the cell is, then the recorded → new lines. */
function cellDiff(name: string, cell: SessionCell, actual: readonly string[], tol: Tolerance): string {
  const firstOutputLine = cell.lineNo + cell.command.split('\n').length;
  const diff = unifiedDiff(cell.output, actual, { from: `${name} (recorded)`, to: `${name} (now)` }, (a, b) => linesMatch(a, b, tol), 3, firstOutputLine);
  return `${name}:${cell.lineNo}: ${echoCommand(cell.command)}\n${diff}\n`;
}

/**
 * Runs a session file's commands in order through the one executor. `run` prints a transcript as
 * replay does; `check` prints a diff per cell whose output changed; `update` prints nothing and
 * returns the file with new outputs. A failure the recording also shows (a session documenting an
 * error) is not a failure; any other stops the run unless keepGoing.
 */
export async function runSessionFile(
  ctx: CommandContext,
  file: SessionFile,
  options: { mode: SessionMode; name: string; write: (text: string) => void; keepGoing?: boolean; tolerance?: Tolerance },
): Promise<SessionOutcome> {
  const tol = options.tolerance ?? DEFAULT_TOLERANCE;
  const differing: SessionCell[] = [];
  const cells: SessionCell[] = [];
  let failedAt: SessionCell | null = null;
  let executed = 0;
  for (const cell of file.cells) {
    if (failedAt && !options.keepGoing) {
      cells.push(cell);
      continue;
    }
    const result = await executeLine(ctx, cell.command);
    executed += 1;
    const actual = renderOutput(result.blocks, ctx.columns);
    const same = outputsMatch(cell.output, actual, tol);
    if (options.mode === 'run') options.write([echoCommand(cell.command), ...actual].join('\n') + '\n');
    if (!same) {
      differing.push(cell);
      if (options.mode === 'check') options.write(cellDiff(options.name, cell, actual, tol));
    }
    if (!result.ok && !same) failedAt ??= cell;
    // Within tolerance the recording stays as it is, so --update leaves no noise in git diffs.
    cells.push(same ? cell : { ...cell, output: actual });
  }
  return { differing, failedAt, executed, updated: { preamble: file.preamble, cells } };
}
