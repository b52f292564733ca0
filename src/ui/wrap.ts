import stringWidth from 'string-width';

/**
 * Wraps each line that is wider than the terminal at spaces, continuing under the line's own
 * indentation, so help's argument table (descriptions indented 24 columns) still reads as a
 * table at 80 columns. Lines that fit, and words longer than a row, are left as they are
 * (the terminal breaks those).
 */
export function wrapIndented(text: string, columns: number): string {
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, columns))
    .join('\n');
}

/** Where continued rows start: after a two-space column gap (`  layers   A compact…`), else the indent. */
function hangingIndent(line: string, columns: number): number {
  const gap = /^ *\S+(?: \S+)* {2,}(?=\S)/.exec(line);
  const at = gap ? gap[0].length : /^ */.exec(line)![0].length;
  return at <= columns / 2 ? at : 0;
}

function wrapLine(line: string, columns: number): string[] {
  if (stringWidth(line) <= columns) return [line];
  const indent = ' '.repeat(hangingIndent(line, columns));
  const rows: string[] = [];
  let row = '';
  for (const [, space, word] of line.matchAll(/( *)(\S+)/g)) {
    const candidate = row + space + word;
    if (row.trim() !== '' && stringWidth(candidate) > columns) {
      rows.push(row);
      row = indent + word;
    } else {
      row = candidate;
    }
  }
  rows.push(row);
  return rows;
}
