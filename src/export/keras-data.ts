/**
 * The data part of an exported script: the CSV read with pandas and encoded as klayers encoded it
 * (numbers filled and scaled with the training split's statistics, written out as numbers;
 * categories one-hot over the same vocabulary; the same target form), then split.
 */
import type { Dataset } from '../data/encode/dataset.js';
import { resolveFromBase } from '../session-file/base-dir.js';
import type { FeatureEncoder } from '../data/encode/encoders.js';
import type { Loaded } from '../data/load.js';
import { formatPythonDoubleQuoted } from '../core/python.js';

const py = formatPythonDoubleQuoted;
const pyList = (items: readonly string[]) => `[${items.map(py).join(', ')}]`;
const num = (v: number) => (Number.isInteger(v) ? `${v}.0` : String(v));

function featureLine(e: FeatureEncoder): string {
  const col = `df[${py(e.column)}]`;
  switch (e.kind) {
    case 'number':
      if (e.scale === 'none') return `    ${col}.fillna(${num(e.fill)}).to_numpy("float32")[:, None],`;
      return `    ((${col}.fillna(${num(e.fill)}) - ${num(e.center)}) / ${num(e.divisor)}).to_numpy("float32")[:, None],  # ${e.scale === 'standard' ? 'z-score' : 'min-max'} with the training split's statistics`;
    case 'binary':
      return `    (${col}.astype(str) == ${py(e.one)}).to_numpy("float32")[:, None],`;
    case 'one-hot': {
      const unk = e.unknownSlot ? `, (~${col}.astype(str).isin(${pyList(e.vocabulary)})).to_numpy("float32")[:, None]` : '';
      return `    np.stack([(${col}.astype(str) == v).to_numpy("float32") for v in ${pyList(e.vocabulary)}], axis=1)${unk},  # one-hot`;
    }
  }
}

function targetLines(d: Dataset, sparse: boolean): string[] {
  return d.targets.map((t) => {
    const col = `df[${py(t.column)}]`;
    if (t.kind === 'number') return `    ${col}.to_numpy("float32")[:, None],`;
    if (t.kind === 'binary') return `    (${col}.astype(str) == ${py(t.classes[1])}).to_numpy("float32")[:, None],`;
    if (sparse) return `    ${col}.astype(str).map({c: i for i, c in enumerate(${pyList(t.classes)})}).to_numpy("float32")[:, None],`;
    return `    np.stack([(${col}.astype(str) == c).to_numpy("float32") for c in ${pyList(t.classes)}], axis=1),  # one-hot classes`;
  });
}

/**
 * klayers' split in Python (src/data/encode/split.ts): seedrandom's Alea generator, one draw per row, a
 * row going to a split with probability (rows that split still needs) / (rows left), per class
 * when stratified. Plain Python floats are the same IEEE doubles, so the rows are the same.
 */
export const PY_SPLIT = [
  'def klayers_split(groups, seed, validation, test):',
  '    """Row indices of (train, validation, test) exactly as klayers chose them."""',
  '    state = {"n": 0xEFC8249D}',
  '    def mash(data):',
  '        n = state["n"]',
  '        for ch in data:',
  '            n += ord(ch)',
  '            h = 0.02519603282416938 * n',
  '            n = int(h) % 4294967296',
  '            h = (h - n) * n',
  '            n = int(h) % 4294967296',
  '            n += (h - n) * 4294967296',
  '        state["n"] = n',
  '        return (int(n) % 4294967296) * 2.3283064365386963e-10',
  '    s = [mash(" "), mash(" "), mash(" ")]',
  '    for i in range(3):',
  '        s[i] -= mash(seed)',
  '        if s[i] < 0:',
  '            s[i] += 1',
  '    c = 1',
  '    def js_round(v):  # Math.round of a share of rows (v >= 0): halves go up',
  '        r = int(v)',
  '        return r + 1 if v - r >= 0.5 else r',
  '    counts = [0] * (max(groups, default=-1) + 1)',
  '    for g in groups:',
  '        counts[g] += 1',
  '    left = [[m - js_round(m * test) - js_round(m * validation), js_round(m * validation), js_round(m * test)] for m in counts]',
  '    rows = ([], [], [])',
  '    for row, g in enumerate(groups):',
  '        t = 2091639 * s[0] + c * 2.3283064365386963e-10',
  '        s[0], s[1] = s[1], s[2]',
  '        c = int(t)',
  '        s[2] = t - c',
  '        l = left[g]',
  '        draw = s[2] * (l[0] + l[1] + l[2])',
  '        k = 0 if draw < l[0] else 1 if draw < l[0] + l[1] else 2',
  '        l[k] -= 1',
  '        rows[k].append(row)',
  '    return rows',
];

function splitLines(d: Dataset): string[] {
  const s = d.settings.split;
  if (s.chronological) {
    return [
      'n = len(x)',
      `n_val, n_test = int(round(n * ${num(s.validation)})), int(round(n * ${num(s.test)}))`,
      'order = np.arange(n)  # time order: validation after training, test last',
      'train_rows, val_rows, test_rows = order[: n - n_val - n_test], order[n - n_val - n_test : n - n_test], order[n - n_test :]',
      ...takeLines,
    ];
  }
  const target = d.targets[0]!.column;
  const groups = s.stratify && d.classNames ? `pd.factorize(df[${py(target)}].astype(str))[0].tolist()  # stratified: a group per class, numbered in order of first appearance` : '[0] * len(x)';
  return ['', ...PY_SPLIT, '', `groups = ${groups}`, `train_rows, val_rows, test_rows = klayers_split(groups, ${py(String(s.seed))}, ${num(s.validation)}, ${num(s.test)})`, ...takeLines];
}

const takeLines = ['x_train, y_train = x[train_rows], y[train_rows]', 'x_val, y_val = x[val_rows], y[val_rows]', 'x_test, y_test = x[test_rows], y[test_rows]'];

/** Python lines that leave x_train/y_train/x_val/y_val/x_test/y_test; null for non-CSV data. */
export function kerasDataCode(loaded: Loaded, loss: string | null): string[] | null {
  const r = loaded.request;
  if (r.spec.startsWith('builtin:')) return null;
  const d = loaded.dataset;
  const csv = loaded.csv;
  const read = [`df = pd.read_csv(${py(resolveFromBase(r.spec, r.baseDir))}`, csv && csv.delimiter !== ',' ? `, sep=${py(csv.delimiter)}` : '', csv && !csv.hasHeader ? ', header=None' : '', ')'].join('');
  const targets = d.targets.map((t) => t.column);
  const features = d.encoders.map((e) => e.column);
  const lines = [read, `df = df.dropna(subset=${pyList(targets)})`];
  if (r.missing === 'drop') lines.push(`df = df.dropna(subset=${pyList(features)})`);
  lines.push('x = np.concatenate([', ...d.encoders.map(featureLine), '], axis=1)');
  lines.push('y = np.concatenate([', ...targetLines(d, loss?.startsWith('sparse') ?? false), '], axis=1)');
  if (d.settings.window !== undefined) {
    const w = d.settings.window;
    const h = d.settings.horizon;
    lines.push(`starts = np.arange(len(x) - ${w} - ${h} + 1)  # window=${w} horizon=${h}`, `x, y = np.stack([x[s : s + ${w}] for s in starts]), y[starts + ${w} + ${h} - 1]`);
  }
  if (d.settings.reshape) lines.push(`x = x.reshape((-1, ${d.settings.reshape.join(', ')}))`);
  return [...lines, ...splitLines(d)];
}
