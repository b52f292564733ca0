import { basename, dirname, resolve } from 'node:path';
import { createContext } from '../commands/context.js';
import { executeLine } from '../commands/execute.js';
import type { CommandContext } from '../commands/types.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { startJournaled } from '../journal/attach.js';
import { renderBlockText } from '../render/block-text.js';
import { DEFAULT_TOLERANCE } from '../session-file/compare.js';
import { isSessionText, type SessionFile } from '../session-file/format.js';
import { parseSessionFile, recordedBase, recordedColumns } from '../session-file/read.js';
import { formatSessionFile } from '../session-file/write.js';
import { declaredParams, parseParamOptions, unknownParams } from './cli-params.js';
import { outputColumns } from './columns.js';
import { splitLogicalLines } from './logical-lines.js';
import { readProblem, readSource } from './read-source.js';
import { runScript } from './run-script.js';
import { runSessionFile } from './run-session.js';

export interface ReplayOptions {
  readonly backend: string;
  readonly keepGoing?: boolean;
  readonly columns?: string;
  readonly check?: boolean;
  readonly update?: boolean;
  readonly rtol?: string;
  readonly atol?: string;
  readonly param?: readonly string[];
  /** Directories a replayed file may read and write besides its own tree (--allow-path). */
  readonly allowPath?: readonly string[];
  /** --allow-any-path: the file's commands may reach any path, as typed ones do. */
  readonly allowAnyPath?: boolean;
  /** `klayers repl` with stdin not a terminal: journal the session (and --resume first). */
  readonly journal?: boolean;
  /** true: the one journal offered; a path: the one the user chose. */
  readonly resume?: boolean | string;
}

const out = (t: string) => void process.stdout.write(t);
const fail = (text: string, code: number) => (process.stderr.write(`klayers: ${text}\n`), code);

function tolerance(options: ReplayOptions): { rtol: number; atol: number } | string {
  const rtol = options.rtol === undefined ? DEFAULT_TOLERANCE.rtol : Number(options.rtol);
  const atol = options.atol === undefined ? DEFAULT_TOLERANCE.atol : Number(options.atol);
  if (!(rtol >= 0) || !(atol >= 0)) return `--rtol and --atol take a number >= 0 (e.g. --rtol 1e-3); got ${options.rtol ?? options.atol}`;
  return { rtol, atol };
}

/**
 * Where a file's paths resolve (its directory, or the one above for `# base: ..`, which `save
 * session` writes) and what it may touch: that tree, only, unless allowed. The tree reaches the
 * parent only for a file in a sessions/ directory, where save session puts it, so a lone file
 * cannot claim the directory it was dropped in. Stdin is the user's own input: unrestricted.
 */
function pathScope(file: string, session: SessionFile | null, options: ReplayOptions): { baseDir?: string; allowedRoots?: string[] } | string {
  if (file === '-') return {};
  const own = dirname(resolve(file));
  const base = session ? recordedBase(session) : null;
  if (base !== null && base !== '.' && base !== '..') return `${file}: '# base: ${base}' is not a base klayers reads; a session file's paths are relative to its directory (# base: .) or the one above it (# base: .., as save session writes).`;
  const baseDir = base === '..' ? dirname(own) : own;
  if (options.allowAnyPath) return { baseDir };
  const root = base === '..' && basename(own) === 'sessions' ? baseDir : own;
  return { baseDir, allowedRoots: [root, ...(options.allowPath ?? []).map((p) => resolve(p))] };
}

/**
 * `klayers replay FILE|-`: a session file (it has `klayers>` prompts) runs its commands, checks
 * them (--check) or records their new output (--update); a plain script runs one command per
 * line. Paths in a file resolve against its directory and may not leave it (pathScope). Returns the exit code.
 */
export async function replayFile(file: string, options: ReplayOptions): Promise<number> {
  let source: string;
  try {
    source = await readSource(file);
  } catch (err) {
    return fail(readProblem(file, err), 2);
  }
  const session: SessionFile | null = isSessionText(source) ? parseSessionFile(source) : null;
  if ((options.check || options.update) && !session) return fail(`${file} has no klayers> prompts: --check and --update need a session file (save one with: save session NAME).`, 2);
  if (options.check && options.update) return fail('choose --check or --update, not both.', 2);
  const tol = tolerance(options);
  if (typeof tol === 'string') return fail(tol, 2);
  const commands = session ? session.cells.map((c) => c.command) : splitLogicalLines(source).map((l) => l.text);
  let overrides;
  try {
    overrides = parseParamOptions(options.param ?? []);
  } catch (err) {
    return fail((err as Error).message, 2);
  }
  const unknown = unknownParams(overrides, declaredParams(commands));
  if (unknown) return fail(`${file}: ${unknown}.`, 2);

  const columns = options.columns ? Number.parseInt(options.columns, 10) : ((session && recordedColumns(session)) ?? outputColumns());
  const scope = pathScope(file, session, options);
  if (typeof scope === 'string') return fail(scope, 2);
  const ctx: CommandContext = createContext({ columns, backend: options.backend, ...scope });
  ctx.session.params.setOverrides(overrides);
  const journaled = options.journal ? await startJournaled(ctx.session, (line) => executeLine(ctx, line), { resume: options.resume ?? false }) : null;
  if (journaled) {
    for (const note of journaled.notes) out(renderBlockText(note, columns) + '\n');
  }
  try {
    if (!session) {
      const outcome = await runScript(ctx, splitLogicalLines(source), out, options.keepGoing ?? false);
      if (outcome.firstErrorLine === null) return 0;
      const where = file === '-' ? `line ${outcome.firstErrorLine}` : `${file}:${outcome.firstErrorLine}`;
      return fail(`error at ${where}${options.keepGoing ? '' : ' (--keep-going runs past errors)'}`, 1);
    }
    const mode = options.check ? 'check' : options.update ? 'update' : 'run';
    const outcome = await runSessionFile(ctx, session, { mode, name: file, write: out, keepGoing: options.keepGoing ?? false, tolerance: tol });
    const failed = outcome.failedAt ? `${file}:${outcome.failedAt.lineNo}: ${outcome.failedAt.command.split('\n')[0]} failed` : null;
    if (mode === 'run') return failed ? fail(`error at ${failed.replace(/ failed$/, '')}${options.keepGoing ? '' : ' (--keep-going runs past errors)'}`, 1) : 0;
    if (mode === 'update') {
      if (failed) return fail(`${failed}; the file is left as it was.`, 1);
      if (outcome.differing.length > 0) await writeFileAtomic(resolve(file), formatSessionFile(outcome.updated));
      out(`${file}: ${outcome.differing.length} of ${session.cells.length} outputs updated.\n`);
      return 0;
    }
    const n = session.cells.length;
    if (outcome.differing.length === 0 && !failed) return (out(`${file}: all ${n} outputs match.\n`), 0);
    const notRun = n - outcome.executed;
    out(`${file}: ${outcome.differing.length} of ${n} outputs differ${notRun > 0 ? `; ${notRun} not run after ${failed}` : ''}.\n`);
    return 1;
  } finally {
    await journaled?.close();
  }
}
