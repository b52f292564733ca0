import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMMANDS } from '../../src/commands/index.js';
import { usageText } from '../../src/commands/options.js';

/** Every usage line as it was written by hand before the option tables made them. */
const USAGE: Readonly<Record<string, string>> = {
  input: "input SHAPE  |  Input(shape=SHAPE, ...)",
  add: "add LAYER",
  insert: "insert N LAYER",
  remove: "remove N|NAME",
  replace: "replace N|NAME LAYER",
  set: "set N|NAME arg=value ...",
  move: "move N|NAME M",
  rename: "rename N|NAME NEW_NAME",
  undo: "undo",
  redo: "redo",
  clear: "clear",
  layers: "layers",
  summary: "summary [style=keras3|keras2] [show_trainable=True] [flops=True] [memory=True] [batch_size=32] [line_length=88]",
  inspect: "inspect N|NAME",
  load: "load PATH.csv [target=COLUMN] [types=\"col:category,…\"] [scale=standard|minmax|none] [missing=fill|drop] [task=…] [validation=0.2] [test=0] [seed=42] [stratify=True] [reshape=(8, 8, 1)] [window=20 horizon=1] [stream=True] [numeric=True] [na_values=\"oops,#N/A\"]  |  load builtin:NAME [n=…] [noise=…]  |  load model FILE.keras|DIR  |  load weights FILE.weights.h5",
  data: "data  |  data head [N]",
  split: "split [validation=0.2] [test=0.1] [seed=42] [stratify=True]",
  column: "column NAME [type=number|integer-category|category|binary|ignore]",
  compile: "compile [optimizer=rmsprop|adam|sgd|adagrad|Adam(learning_rate=1e-3)] [loss=categorical_crossentropy|mse|…] [metrics=[accuracy]]",
  fit: "fit [epochs=1] [batch_size=32] [validation_split=0.0] [shuffle=True] [class_weight=[…]|balanced] [early_stopping=PATIENCE] [verbose=0|1|2]",
  evaluate: "evaluate",
  predict: "predict VALUE,VALUE,…  |  predict [VALUE, …]  |  predict test  |  predict PATH.csv",
  history: "history",
  plot: "plot NAME [NAME…]",
  save: "save model|weights|session FILE.keras|DIR|FILE.weights.h5|NAME",
  export: "export keras|json [FILE]",
  seed: "seed [N]",
  param: "param [NAME=VALUE …]",
  backend: "backend [auto|tensorflow|wasm|cpu]",
  help: "help [COMMAND|LAYER]",
};

test('each usage line made from its options table is the one written before, byte for byte', () => {
  assert.deepEqual(COMMANDS.map((c) => c.name).sort(), Object.keys(USAGE).sort());
  for (const cmd of COMMANDS) {
    assert.equal(cmd.usage, USAGE[cmd.name], cmd.name);
    assert.equal(usageText(cmd.name, cmd.options), USAGE[cmd.name], cmd.name);
  }
});

test('help NAME shows the usage line from the table and lists its keywords with their docs', async () => {
  const { freshContext, run } = await import('../helpers/run.js');
  const fit = await run(freshContext(), 'help fit');
  assert.ok(fit.text.startsWith(USAGE['fit']!), fit.text);
  assert.match(fit.text, /\nOptions:\n {2}epochs= +Passes over the training data\.\n/);
  const load = await run(freshContext(), 'help load');
  assert.match(load.text, /\n {2}delimiter= +The field separator/, 'keywords left out of the usage line are still explained');
  const add = await run(freshContext(), 'help add');
  assert.doesNotMatch(add.text, /Options:/, 'a command without keywords has no Options part');
});
