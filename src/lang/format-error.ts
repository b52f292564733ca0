/** Shows a syntax error the way Python does: the line, a caret under the column, the message. */
import stringWidth from 'string-width';
import type { SyntaxErrorInfo } from './ast.js';

/** Longest source excerpt shown; with the 4-space indent the block fits 80 columns. */
const MAX_SHOWN = 76;
const ELLIPSIS = '...';
/** Characters that would move the cursor or vanish on a terminal; each is shown as `?`. */
const UNSHOWABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/**
 * Three lines: the source line (indented 4 like Python's traceback), a `^` under the column,
 * then `SyntaxError: message`. Long lines show a window around the column; for text spanning
 * several lines only the one holding the column is shown, and the message names its number.
 */
export function formatSyntaxError(line: string, err: SyntaxErrorInfo): string {
  const column = Math.max(0, Math.min(err.column, line.length));
  const lineStart = column === 0 ? 0 : line.lastIndexOf('\n', column - 1) + 1;
  const newlineAt = line.indexOf('\n', column);
  const physical = line.slice(lineStart, newlineAt < 0 ? line.length : newlineAt).replace(/\r$/, '');
  const { shown, caretAt } = windowAround(physical, column - lineStart);
  const safe = shown.replace(/\t/g, ' ').replace(UNSHOWABLE, '?');
  const pad = stringWidth(safe.slice(0, caretAt));
  const lineNumber = line.slice(0, lineStart).split('\n').length;
  const where = line.includes('\n') ? ` (line ${lineNumber})` : '';
  return `    ${safe}\n    ${' '.repeat(pad)}^\nSyntaxError: ${err.message}${where}`;
}

function windowAround(text: string, caret: number): { shown: string; caretAt: number } {
  if (text.length <= MAX_SHOWN) return { shown: text, caretAt: caret };
  const room = MAX_SHOWN - 2 * ELLIPSIS.length;
  const start = Math.max(0, Math.min(caret - Math.floor(room / 2), text.length - room));
  const end = Math.min(text.length, start + room);
  const before = start > 0 ? ELLIPSIS : '';
  const after = end < text.length ? ELLIPSIS : '';
  return { shown: before + text.slice(start, end) + after, caretAt: before.length + caret - start };
}
