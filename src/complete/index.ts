/**
 * Tab completion and the signature hint for the REPL. Pure functions of the line, the cursor and
 * a small description of the session; they work on half-typed, unbalanced input and never throw.
 *
 *   complete('add Conv', 8, ctx)          → Conv1D, Conv2D replacing `Conv`
 *   complete("Dense(64, activation='re", …) → 'relu', 'relu6'
 *   signatureHint('Dense(64, ', 10)        → Dense(units, activation=None, …) with `activation=None` highlighted
 */
import { completeInCall } from './call.js';
import { completeCommandLine } from './command-line.js';
import { commonPrefix, nothing } from './match.js';
import { scanBefore } from './scan.js';
import type { Candidate, Completion, CompletionContext } from './types.js';

export type { Completion, CompletionContext } from './types.js';
export { signatureHint } from './hint.js';
export { signatureText } from './signature.js';

/**
 * What Tab offers at `cursor`: replace line.slice(from, to) with a candidate's text (to is the
 * cursor). Candidates are sorted best first; empty when nothing fits. Never throws.
 */
export function complete(line: string, cursor: number, ctx: CompletionContext): Completion {
  const at = Number.isFinite(cursor) ? Math.max(0, Math.min(Math.trunc(cursor), line.length)) : line.length;
  try {
    const scan = scanBefore(line, at);
    if (scan.inComment) return nothing(at);
    return scan.frames.length > 0 ? completeInCall(line, at, scan) : completeCommandLine(line, at, scan, ctx);
  } catch {
    // Completion is a convenience: a surprise in it must never reach the prompt.
    return nothing(at);
  }
}

/** The common prefix of all candidates beyond what is typed (what a single Tab inserts), or ''. */
export function commonExtension(line: string, completion: Completion): string {
  const typed = line.slice(completion.from, completion.to);
  const common = commonPrefix(completion.candidates.map((c) => c.text));
  return common.startsWith(typed) ? common.slice(typed.length) : '';
}

/** The line after choosing a candidate, and where the cursor goes (right after the inserted text). */
export function applyCandidate(line: string, completion: Completion, candidate: Candidate): { readonly line: string; readonly cursor: number } {
  const next = line.slice(0, completion.from) + candidate.text + line.slice(completion.to);
  return { line: next, cursor: completion.from + candidate.text.length };
}
