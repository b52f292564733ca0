import { renderBlockText } from '../render/block-text.js';
import type { Block } from '../render/blocks.js';
import { echoCommand, trimTrailingBlank, type SessionFile } from './format.js';

/** The header `save session` writes: how to run the file, and the width it was recorded at. */
export function sessionHeader(columns: number): string[] {
  return [
    '# A klayers session: each `klayers>` line is a command, the lines under it are what it printed.',
    '# Run it with `klayers replay FILE`; `--check` compares the output, `--update` rewrites it.',
    `# columns: ${columns}`,
    // Saved in sessions/ under the directory its commands ran in: their paths are relative to that one.
    `# base: ..  (the paths in the commands are relative to the directory above this file's)`,
  ];
}

/** The text lines of a command's output blocks at a width, without trailing blank lines. */
export function renderOutput(blocks: readonly Block[], columns: number): string[] {
  if (blocks.length === 0) return [];
  return trimTrailingBlank(blocks.map((b) => renderBlockText(b, columns)).join('\n').split('\n'));
}

/** One cell as text: its comments, the echoed command, its output, and a blank line after. */
export function formatCell(cell: { readonly comments?: readonly string[]; readonly command: string; readonly output: readonly string[] }): string {
  return [...(cell.comments ?? []), echoCommand(cell.command), ...cell.output, ''].join('\n') + '\n';
}

/** The whole file as text; parseSessionFile reads it back to the same cells. */
export function formatSessionFile(file: SessionFile): string {
  const head = file.preamble.length > 0 ? [...file.preamble, ''].join('\n') + '\n' : '';
  // Cells end with a blank line; the file ends with its last output line's newline.
  return (head + file.cells.map(formatCell).join('')).replace(/\n\n$/, '\n');
}
