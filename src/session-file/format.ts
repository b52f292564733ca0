/**
 * The session file format, shared by reading and writing: a command line starts with the prompt
 * `klayers> ` (continued lines with `   ...> `), and the lines under it, up to the next prompt,
 * are its recorded output. `#` lines right before a prompt are comments about that command.
 */

export const PROMPT = 'klayers> ';
export const CONTINUATION = '   ...> ';

/** `.klayers`: what `save session NAME` writes. */
export const SESSION_EXTENSION = '.klayers';

/** One command of a session file and what it printed when it was recorded. */
export interface SessionCell {
  /** The command as typed; several lines when it was continued. */
  readonly command: string;
  /** 1-based line of its prompt in the file (0 for cells not read from a file). */
  readonly lineNo: number;
  /** Comment lines (with their `#`) written right above the prompt. */
  readonly comments: readonly string[];
  /** The recorded output, line by line, without trailing blank lines. */
  readonly output: readonly string[];
}

export interface SessionFile {
  /** Lines before the first prompt: the header comments. */
  readonly preamble: readonly string[];
  readonly cells: readonly SessionCell[];
}

/** The command as echoed in a transcript: the prompt, and `...>` before continued lines. */
export function echoCommand(text: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? PROMPT : CONTINUATION) + line)
    .join('\n');
}

/** A prompt line (`klayers>` alone counts: an editor may have trimmed the space). */
export function isPromptLine(line: string): boolean {
  return line.startsWith(PROMPT) || line === PROMPT.trimEnd();
}

export function isContinuationLine(line: string): boolean {
  return line.startsWith(CONTINUATION) || line === CONTINUATION.trimEnd();
}

/** A file with at least one prompt line is a session file; anything else is a plain script. */
export function isSessionText(text: string): boolean {
  return text.split(/\r?\n/).some(isPromptLine);
}

/** Drops trailing blank lines (they separate cells; they are not output). */
export function trimTrailingBlank(lines: readonly string[]): string[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end -= 1;
  return lines.slice(0, end);
}
