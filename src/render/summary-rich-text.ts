/**
 * The text wrapping of Python's `rich` (15.x), which Keras 3 uses to print summaries:
 * `Text.wrap` with its word splitting, the ellipsis/fold overflow and the justify methods.
 * Reproduced rule for rule because table cells and footer lines must match Keras exactly.
 * Every character counts as one terminal cell (layer names are ASCII identifiers).
 */

export type Justify = 'left' | 'right' | 'center' | 'default';
type Overflow = 'ellipsis' | 'fold';

/** rich's words: each run of non-space plus the spaces after it (the first keeps its lead). */
function words(text: string): { start: number; word: string }[] {
  const found: { start: number; word: string }[] = [];
  const pattern = /\s*\S+\s*/y;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) found.push({ start: match.index, word: match[0] });
  return found;
}

/** rich's `divide_line`: the offsets where `text` breaks to fit `width`. */
function divideLine(text: string, width: number, fold: boolean): number[] {
  const breaks: number[] = [];
  let offset = 0;
  for (const { start, word } of words(text)) {
    const length = word.trimEnd().length;
    if (width - offset >= length) {
      offset += word.length;
    } else if (length > width) {
      if (!fold) {
        if (start) breaks.push(start);
        offset = word.length;
        continue;
      }
      const pieces = chop(word, width);
      let pieceStart = start;
      pieces.forEach((piece, i) => {
        if (pieceStart) breaks.push(pieceStart);
        if (i === pieces.length - 1) offset = piece.length;
        else pieceStart += piece.length;
      });
    } else if (offset && start) {
      breaks.push(start);
      offset = word.length;
    }
  }
  return breaks;
}

function chop(word: string, width: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < word.length; i += Math.max(1, width)) pieces.push(word.slice(i, i + Math.max(1, width)));
  return pieces;
}

/** rich's `set_cell_size`: crop or pad with spaces; a negative size crops from the end (Python slicing). */
function setSize(text: string, size: number): string {
  return text.length < size ? text + ' '.repeat(size - text.length) : text.slice(0, size);
}

function truncate(text: string, width: number, overflow: Overflow, pad = false): string {
  if (text.length > width) return overflow === 'ellipsis' ? `${setSize(text, width - 1)}…` : setSize(text, width);
  return pad ? text + ' '.repeat(width - text.length) : text;
}

/** rich's `rstrip_end`: drop trailing spaces only as far as they stick out past `width`. */
function rstripEnd(text: string, width: number): string {
  if (text.length <= width) return text;
  const trailing = text.length - text.trimEnd().length;
  return text.slice(0, text.length - Math.min(trailing, text.length - width));
}

function justifyLine(line: string, width: number, justify: Justify, overflow: Overflow): string {
  switch (justify) {
    case 'left':
      return truncate(line, width, overflow, true);
    case 'right': {
      const text = truncate(line.trimEnd(), width, overflow);
      return ' '.repeat(Math.max(0, width - text.length)) + text;
    }
    case 'center': {
      const text = truncate(line.trimEnd(), width, overflow);
      const left = ' '.repeat(Math.max(0, Math.floor((width - text.length) / 2))) + text;
      return left + ' '.repeat(Math.max(0, width - left.length));
    }
    case 'default':
      return line;
  }
}

/**
 * rich's `Text.wrap` for a single-line text: word wrap to `width`, then justify and overflow.
 * 'left'/'right'/'center' lines come back exactly `width` long; 'default' lines are not padded
 * (that is how `console.print` writes the title and footer lines).
 */
export function wrapText(text: string, width: number, justify: Justify, overflow: Overflow): string[] {
  const offsets = [0, ...divideLine(text, width, overflow === 'fold'), text.length];
  const lines: string[] = [];
  for (let i = 0; i + 1 < offsets.length; i++) lines.push(rstripEnd(text.slice(offsets[i], offsets[i + 1]), width));
  return lines.map((line) => truncate(justifyLine(line, width, justify, overflow), width, overflow));
}
