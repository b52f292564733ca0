/**
 * Splits plain output text into runs so shapes and parameter counts can be told apart on
 * screen. Only colours are added: the characters stay exactly what replay prints.
 */
interface Run {
  readonly text: string;
  readonly kind: 'plain' | 'shape' | 'params';
}

// `(None, 28, 28, 1)`, `(None, 8)`, `(4,)`, `()` — a Keras shape tuple.
const SHAPE = String.raw`\((?:(?:None|\?|\d+)(?:,\s*(?:None|\?|\d+))*,?)?\)`;
// `40 params`, `Total params: 67`, a table's last cell `│  1,234 │`.
const PARAMS = String.raw`\d[\d,]*(?= params)|(?<=params: )\d[\d,]*|\d[\d,]*(?= +│$)`;
const PATTERN = new RegExp(`(${SHAPE})|(${PARAMS})`, 'gm');

export function highlightRuns(text: string): Run[] {
  const runs: Run[] = [];
  let last = 0;
  for (const m of text.matchAll(PATTERN)) {
    const at = m.index;
    if (at > last) runs.push({ text: text.slice(last, at), kind: 'plain' });
    runs.push({ text: m[0], kind: m[1] !== undefined ? 'shape' : 'params' });
    last = at + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), kind: 'plain' });
  return runs;
}
