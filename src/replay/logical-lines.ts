import { isIncomplete } from '../lang/index.js';

/** One command as read from a script: possibly several physical lines joined (unclosed brackets). */
export interface ScriptLine {
  readonly text: string;
  /** 1-based number of its first physical line. */
  readonly lineNo: number;
}

/**
 * Splits a script into commands, joining lines while a bracket or string is open, as Python
 * continues a statement. Blank and comment-only lines are kept out.
 */
export function splitLogicalLines(source: string): ScriptLine[] {
  const physical = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const out: ScriptLine[] = [];
  let pending: string[] = [];
  let start = 0;
  physical.forEach((line, i) => {
    if (pending.length === 0) {
      if (/^\s*(#.*)?$/.test(line)) return;
      start = i + 1;
    }
    pending.push(line);
    const joined = pending.join('\n');
    if (!isIncomplete(joined)) {
      out.push({ text: joined, lineNo: start });
      pending = [];
    }
  });
  if (pending.length > 0) out.push({ text: pending.join('\n'), lineNo: start });
  return out;
}
