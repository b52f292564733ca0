import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { FUZZ_SEED } from '../helpers/fuzz.js';
import { stubEngine } from '../helpers/stub-engine.js';
import { executeLine } from '../../src/commands/execute.js';
import { createContext } from '../../src/commands/context.js';
import { COMMANDS } from '../../src/commands/index.js';
import { LAYERS } from '../../src/layers/catalog.js';
import { UserError } from '../../src/core/user-error.js';
import { renderBlockText } from '../../src/render/block-text.js';
import { createSession, type KlayersSession } from '../../src/session/klayers-session.js';

// 100,000 lines from a grammar of the real commands (their options tables), layer calls, keywords
// and values, mixed with mutations and junk, run through executeLine on an engine that never loads
// tfjs. Every output must read as klayers talking to a Keras user: no internal error, no leaked
// AST or JS value, no stack trace; and a refused line must leave the session exactly as it was.

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 2000);
const LINES_PER_RUN = 50;

const dir = mkdtempSync(join(tmpdir(), 'klayers-fuzz-'));
after(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'ok.csv'), 'a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n9,1,x\n2,3,y\n');
writeFileSync(join(dir, 'empty.csv'), '');
writeFileSync(join(dir, 'header.csv'), 'a,b,label\n');
writeFileSync(join(dir, 'nul.csv'), 'a,b\n1,2\n3,\u00004\n');
writeFileSync(join(dir, 'model.json'), 'null');
mkdirSync(join(dir, 'adir'));
mkdirSync(join(dir, 'nullmodel'));
writeFileSync(join(dir, 'nullmodel', 'model.json'), '{"modelTopology": null, "weightsManifest": [null]}');

// The stub refuses training and model files as a user error: this property is about the commands.
const noEngine = (what: string) => async (): Promise<never> => {
  throw new UserError(`The test engine does not ${what}.`);
};
const engine = () => stubEngine({ fit: noEngine('train'), evaluate: noEngine('evaluate'), predict: noEngine('predict'), saveModel: noEngine('save'), readModelDir: noEngine('read models') });

const word = fc.constantFrom('relu', 'inf', 'nan', 'None', 'True', 'False', 'x', 'dense', 'dense_1', 'auto', 'balanced', 'label', 'a', 'test', 'model', 'session', 'keras', 'json', 'mse', 'adam', '_hidden', 'builtin', 'undefined', 'NaN', 'object');
const path = fc.constantFrom('ok.csv', 'empty.csv', 'header.csv', 'nul.csv', 'missing.csv', 'adir', '.', '..', 'ok.csv/x', `${'n'.repeat(300)}.csv`, 'builtin:iris', 'builtin:xor', 'builtin:nope', 'nullmodel', 'model.json', '/', '');
const scalar = fc.oneof(
  fc.constantFrom('0', '1', '-1', '2', '3', '8', '0.5', '-0.0', '1e309', '-1e309', '1e-7', '0x10', '1_000', '10**3', '3j', '.5', '5.', '99999999999999999999'),
  fc.integer({ min: -5, max: 70 }).map(String),
  word,
  path.map((p) => `'${p}'`),
  fc.constantFrom("'relu'", '"same"', "''", "'a:category'", "'\\x00'", '"inf"', 'None', 'True', 'False'),
);
const value: fc.Arbitrary<string> = fc.letrec<{ v: string }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('v'), { maxLength: 3 }).map((xs) => `(${xs.join(', ')}${xs.length === 1 ? ',' : ''})`),
    fc.array(tie('v'), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
    fc.tuple(fc.constantFrom('Dense', 'Adam', 'f', 'Conv2D', 'keras.layers.Dense'), fc.array(tie('v'), { maxLength: 2 })).map(([n, xs]) => `${n}(${xs.join(', ')})`),
    fc.tuple(tie('v'), tie('v')).map(([k, v]) => `{${k}: ${v}}`),
  ),
})).v;

const layerNames = LAYERS.map((l) => l.className);
const layerKeywords = ['units', 'activation', 'filters', 'kernel_size', 'strides', 'padding', 'rate', 'shape', 'name', 'trainable', 'use_bias', 'return_sequences', 'return_state', 'target_shape', 'dims', 'pool_size', 'mask_value', 'input_shape', 'dtype', 'kernel_initializer', 'kernel_regularizer', 'dropout', 'function'];
const keyword = (names: readonly string[]) => fc.tuple(fc.constantFrom(...names, 'bogus', 'epoch', '_'), value).map(([k, v]) => `${k}=${v}`);
const layerCall = fc
  .tuple(fc.constantFrom(...layerNames, 'Dens', 'Input'), fc.array(value, { maxLength: 2 }), fc.array(keyword(layerKeywords), { maxLength: 3 }))
  .map(([n, args, kws]) => `${n}(${[...args, ...kws].join(', ')})`);
const goodLayer = fc.constantFrom('Dense(4)', "Dense(3, activation='softmax')", 'Dropout(0.2)', 'Flatten()', 'Conv1D(2, 2)', 'LSTM(2)', 'Dense(2, trainable=False)', "Lambda('x * 2')");

function commandLine(c: (typeof COMMANDS)[number]): fc.Arbitrary<string> {
  const keywords = c.options.forms.flatMap((f) => (f.keywords ?? []).map((k) => k.name));
  const wordsOf = c.options.forms.flatMap((f) => f.positional.flatMap((p) => (p.takes.kind === 'words' ? p.takes.words : [])));
  const positional = fc.oneof(value, path, layerCall, goodLayer, ...(wordsOf.length > 0 ? [fc.constantFrom(...wordsOf)] : []), fc.constantFrom(...layerNames));
  const kwValue = (k: string) => {
    const shown = c.options.forms.flatMap((f) => f.keywords ?? []).find((o) => o.name === k);
    return shown && shown.values.length > 0 ? fc.oneof(fc.constantFrom(...shown.values), value) : value;
  };
  const kw = keywords.length > 0 ? fc.constantFrom(...keywords, 'bogus').chain((k) => kwValue(k).map((v) => `${k}=${v}`)) : keyword(['x']);
  return fc.tuple(fc.constantFrom(c.name, ...(c.aliases ?? [])), fc.array(positional, { maxLength: 3 }), fc.array(kw, { maxLength: 3 })).map(([n, ps, ks]) => [n, ...ps, ...ks].join(' '));
}

const grammarLine = fc.oneof(
  { weight: 6, arbitrary: fc.oneof(...COMMANDS.map(commandLine)) },
  { weight: 2, arbitrary: layerCall },
  { weight: 2, arbitrary: goodLayer },
  { weight: 1, arbitrary: fc.tuple(layerCall, fc.constantFrom('model.add', 'model.pop', 'model.fit', 'keras.Sequential', 'model.summary')).map(([l, m]) => `${m}(${m.endsWith('pop') || m.endsWith('summary') ? '' : l})`) },
  { weight: 2, arbitrary: fc.constantFrom('input (4,)', 'input (2,)', 'load ok.csv target=label', 'load builtin:iris', 'compile', 'compile optimizer=adam loss=mse', 'seed 1', 'split', 'undo', 'redo', 'param n=3', 'Dense($n)', 'save session fuzz', 'export json', 'export keras', 'export json out.json', 'export keras out.py') },
);
const mutated = fc
  .tuple(grammarLine, fc.array(fc.tuple(fc.nat(80), fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('(', ')', ',', '=', "'", '"', '[', ']', ' ', '\\', '#', '$', '?', '.')), fc.nat(3)), { minLength: 1, maxLength: 3 }))
  .map(([line, edits]) => edits.reduce((s, [at, insert, drop]) => s.slice(0, at % (s.length + 1)) + insert + s.slice((at % (s.length + 1)) + drop), line));
const anyLine = fc.oneof(
  { weight: 10, arbitrary: grammarLine },
  { weight: 4, arbitrary: mutated },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 15 }) },
);

/** Everything a refused line must leave as it was. */
function fingerprint(s: KlayersSession) {
  const t = s.training.snapshot();
  return { model: s.model.state, data: s.data, compile: t.compile, seed: t.seed, random: JSON.stringify(t.randomState), history: t.historyLength, fits: t.fits, lastFit: t.lastFit, transcript: s.transcript.cells.length };
}

const LEAKS: readonly [RegExp, string][] = [
  [/Internal error/, 'an internal error'],
  [/\{\s*"kind"/, 'the AST as JSON'],
  [/\[object \w+\]/, '[object Object]'],
  [/\bundefined\b/, 'undefined'],
  [/\bNaN\b/, 'NaN'],
  [/^\s+at .+[(:]\d+/m, 'a stack trace'],
  [/\b(EACCES|EISDIR|ENOENT|ENAMETOOLONG|ENOTDIR|EEXIST|ENOTEMPTY|EPERM)\b/, 'a file-system error code'],
];

/** What the line may legitimately echo (a user who typed `NaN` may see `NaN` again). */
function leak(line: string, out: string): string | null {
  for (const [pattern, what] of LEAKS) {
    const typed = pattern.source.startsWith('\\b') && pattern.test(line);
    if (!typed && pattern.test(out)) return what;
  }
  return null;
}

const problems = new Map<string, string>();
const REPORT = process.env['FUZZ_REPORT'] === '1';

test(`${RUNS * LINES_PER_RUN} fuzzed lines: no internal error or leaked internals, and a refused line changes nothing`, async () => {
  const started = Date.now();
  let lines = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(anyLine, { minLength: LINES_PER_RUN, maxLength: LINES_PER_RUN }), async (batch) => {
      const ctx = createContext({ columns: 80, session: createSession({ engine: engine() }), baseDir: dir });
      for (const line of batch) {
        lines += 1;
        const before = fingerprint(ctx.session);
        const result = await executeLine(ctx, line);
        const out = result.blocks.map((b) => renderBlockText(b, ctx.columns)).join('\n');
        const found = leak(line, out);
        if (found) {
          if (!REPORT) assert.fail(`'${line}' printed ${found}:\n${out}`);
          problems.set(out.slice(0, 160), line);
        }
        if (!result.ok) {
          assert.ok(result.blocks.length > 0, `refused '${line}' said nothing`);
          const now = fingerprint(ctx.session);
          for (const [part, was] of Object.entries(before)) assert.ok(Object.is(now[part as keyof typeof now], was), `refused '${line}' changed the session's ${part}`);
        }
      }
    }),
    { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true },
  );
  if (REPORT) for (const [out, line] of problems) console.log(`${line}\n   => ${out.replace(/\n/g, '\n      ')}`);
  assert.ok(lines >= RUNS * LINES_PER_RUN, `ran ${lines} lines`);
  console.log(`# ${lines} lines in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
