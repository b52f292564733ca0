import { CONTINUATION, PROMPT, isContinuationLine, isPromptLine, trimTrailingBlank, type SessionCell, type SessionFile } from './format.js';

/**
 * A trailing run of `#` lines directly above the next prompt, with a blank line (or nothing)
 * before it, is a comment about the next command, not output. klayers always writes a blank line
 * after an output, so an output line that happens to start with `#` is never taken for one.
 */
function splitTrailingComments(body: readonly string[]): { output: string[]; comments: string[] } {
  let start = body.length;
  while (start > 0 && body[start - 1]!.startsWith('#')) start -= 1;
  const isComment = start < body.length && (start === 0 || body[start - 1]!.trim() === '');
  if (!isComment) return { output: trimTrailingBlank(body), comments: [] };
  return { output: trimTrailingBlank(body.slice(0, start)), comments: body.slice(start) };
}

const stripPrefix = (line: string, prefix: string) => line.slice(Math.min(prefix.length, line.length));

/** Reads a session file: its header, and each command with its recorded output. */
export function parseSessionFile(text: string): SessionFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  let i = 0;
  while (i < lines.length && !isPromptLine(lines[i]!)) i += 1;
  const head = splitTrailingComments(lines.slice(0, i));
  let comments = head.comments;
  const cells: SessionCell[] = [];
  while (i < lines.length) {
    const lineNo = i + 1;
    const command = [stripPrefix(lines[i]!, PROMPT)];
    i += 1;
    while (i < lines.length && isContinuationLine(lines[i]!)) command.push(stripPrefix(lines[i++]!, CONTINUATION));
    const body: string[] = [];
    while (i < lines.length && !isPromptLine(lines[i]!)) body.push(lines[i++]!);
    const split = splitTrailingComments(body);
    cells.push({ command: command.join('\n'), lineNo, comments, output: split.output });
    comments = split.comments;
  }
  return { preamble: head.output, cells };
}

/**
 * The directory a session's paths are relative to, as its header says (`# base: ..`, written by
 * `save session`), relative to the file's own directory; null when it does not say (its own).
 */
export function recordedBase(file: SessionFile): string | null {
  for (const line of [...file.preamble, ...(file.cells[0]?.comments ?? [])]) {
    const m = /^#\s*base:\s*(\S+)/.exec(line);
    if (m) return m[1]!;
  }
  return null;
}

/** The output width a session was recorded at (`# columns: 80` in its header), if it says. */
export function recordedColumns(file: SessionFile): number | null {
  for (const line of [...file.preamble, ...(file.cells[0]?.comments ?? [])]) {
    const m = /^#\s*columns:\s*(\d+)\s*$/.exec(line);
    if (m) return Number.parseInt(m[1]!, 10);
  }
  return null;
}
