import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshContext, run, runAll } from '../helpers/run.js';
import { kerasScript } from '../../src/export/keras-script.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'klayers-untrusted-'));
const PAYLOAD = `x'"""\nimport os; os.system("echo pwned")\n#`;
const ESC = '\x1b[31m';

/** Control characters a terminal would act on: none may reach what klayers prints. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const PYTHON = spawnSync('python3', ['-c', 'import ast'], { encoding: 'utf8' }).status === 0 ? 'python3' : null;
const NO_PYTHON = PYTHON ? false : 'python3 (for its ast module) is not on this machine';

/** Python's parser accepts the script, and no statement of it calls os. */
function assertPythonSafe(script: string): void {
  const check = 'import ast, sys\ntree = ast.parse(sys.stdin.read())\nprint(sorted({n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}))';
  const r = spawnSync(PYTHON!, ['-c', check], { input: script, encoding: 'utf8' });
  assert.equal(r.status, 0, `${r.stderr}\n${script}`);
  assert.doesNotMatch(r.stdout, /'os'/, 'os is never a name in the script');
  for (const line of script.split('\n')) if (line.includes('os.system')) assert.doesNotMatch(line, /^\s*(import|os\.)/, line);
}

/** The klayers plan in a model.json, as a test edits it. */
interface SavedPlan {
  name: string;
  input: { name: string | null };
  layers: { name: string; className: string; given: Record<string, unknown> }[];
  nameCounters: Record<string, number>;
}

async function savedModel(): Promise<{ dir: string; json: { userDefinedMetadata: { klayers: { model: SavedPlan } } } }> {
  const dir = join(tmp(), 'model');
  await runAll(freshContext(), ['Input(shape=(3,))', 'Dense(2)', `save model ${dir}`]);
  return { dir, json: JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) };
}

test('load model refuses a model.json whose names are not names, quoting the bad name on one line', async () => {
  const cases: [string, (m: SavedPlan) => void, RegExp][] = [
    ['model name', (m) => (m.name = PAYLOAD), /^Error: model\.json: the model name 'x\\'"""\\nimport os; os\.system\("echo pwned"\)\\n#' is not a valid name\./],
    ['layer name', (m) => (m.layers[0]!.name = PAYLOAD), /^Error: model\.json: layer 1's name 'x\\'"""\\nimport os/],
    ['input name', (m) => (m.input.name = `in${ESC}`), /^Error: model\.json: the Input name 'in\\x1b\[31m' is not a valid name\./],
    ['className', (m) => (m.layers[0]!.className = `Dense${ESC}`), /^Error: model\.json: layer 'dense' has the unknown className 'Dense\\x1b\[31m'\./],
    ['argument key', (m) => (m.layers[0]!.given[`units\n${ESC}`] = 2), /^Error: model\.json: layer 'dense' has an argument 'units\\n\\x1b\[31m' is not a valid name\./],
    ['nameCounters key', (m) => (m.nameCounters[`dense\u202e`] = 1), /^Error: model\.json: a nameCounters key 'dense\\u202e' is not a valid name\./],
  ];
  for (const [what, edit, expected] of cases) {
    const { dir, json } = await savedModel();
    edit(json.userDefinedMetadata.klayers.model);
    writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
    const ctx = freshContext();
    const before = ctx.session.model.state;
    const r = await run(ctx, `load model ${dir}`);
    assert.equal(r.ok, false, what);
    assert.match(r.text, expected, what);
    assert.doesNotMatch(r.text, RAW_CONTROL, what);
    assert.equal(r.text.split('\n').length, 1, `${what}: one line`);
    assert.equal(ctx.session.model.state, before, `${what}: the session is unchanged`);
  }
});

test('export keras escapes a CSV file name, columns and labels: the script parses and runs no injected code', { skip: NO_PYTHON }, async () => {
  const dir = tmp();
  const file = join(dir, `a\nimport os; os.system("echo pwned")\n.csv`);
  const csvLine = (cells: readonly string[]) => cells.map((h) => `"${h.replace(/"/g, '""')}"`).join(',');
  const header = csvLine([`x'"""\nimport os`, `b${ESC}`, 'y']);
  const rows = Array.from({ length: 10 }, (_, i) => csvLine([String(i), i % 2 ? `p\nimport os` : `q'"""`, i % 2 ? `c${ESC}` : 'd\u202e']));
  writeFileSync(file, [header, ...rows].join('\n') + '\n');
  const ctx = freshContext();
  const lang = file.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
  await runAll(ctx, [`load "${lang}" target=y`, "Dense(2, activation='softmax')", "compile loss='categorical_crossentropy'"]);
  const script = join(dir, 'model.py');
  await runAll(ctx, [`export keras ${script}`]);
  const text = readFileSync(script, 'utf8');
  assertPythonSafe(text);
  assert.ok(text.includes(`# --- data: ${dir}/a\\nimport os; os.system("echo pwned")\\n.csv, encoded`), text);
});

test('a model name is written into the docstring escaped, whatever it holds', { skip: NO_PYTHON }, async () => {
  const ctx = freshContext();
  await runAll(ctx, ['Input(shape=(3,))', 'Dense(2)']);
  const state = { ...ctx.session.model.state, modelName: PAYLOAD };
  const script = kerasScript({ state, analysis: ctx.session.model.analysis(), compile: null, loaded: null, lastFitEpochs: null, lastFit: null });
  assertPythonSafe(script);
  assert.match(script, /^"""Keras 3 script exported by klayers: model 'x\\'\\"\\"\\"\\nimport os; os\.system\(\\"echo pwned\\"\)\\n#'\.$/m);
});
