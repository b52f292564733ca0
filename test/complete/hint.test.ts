import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signatureHint, signatureText } from '../../src/complete/index.js';
import { LAYERS, callName } from '../../src/layers/index.js';
import golden from './golden-signatures.json' with { type: 'json' };

/** Keras's own `inspect.signature` of each layer, written by make-golden-signatures.py. */
const KERAS: Record<string, string> = golden.signatures;

/** The highlighted part of the hint for a line with the cursor at its end (or at `|`). */
function highlighted(marked: string, width = 1000): string | null {
  const cursor = marked.includes('|') ? marked.indexOf('|') : marked.length;
  const hint = signatureHint(marked.replace('|', ''), cursor, width);
  assert.ok(hint, `a hint for ${marked}`);
  return hint.highlight ? hint.text.slice(hint.highlight[0], hint.highlight[1]) : null;
}

test("every layer's signature reads exactly as Keras 3's inspect.signature shows it", () => {
  for (const spec of LAYERS) assert.equal(signatureText(spec), KERAS[callName(spec)], callName(spec));
  assert.equal(Object.keys(KERAS).length, LAYERS.length);
});

test('the hint is the signature while the cursor is inside a layer call', () => {
  assert.equal(signatureHint('Dense(64, ', 10, 1000)?.text, KERAS.Dense);
  assert.equal(signatureHint('model.add(layers.Conv2D(32, ', 28, 1000)?.text, KERAS.Conv2D);
  assert.equal(signatureHint('Dense(64)', 9), null, 'after the call is closed');
  assert.equal(signatureHint('summary ', 8), null);
  assert.equal(signatureHint('model.add(', 10), null);
  assert.equal(signatureHint('Sequential([', 12), null);
  assert.equal(signatureHint('Dense(64, # (', 13), null);
});

test('the current argument is highlighted by position', () => {
  assert.equal(highlighted('Dense('), 'units');
  assert.equal(highlighted('Dense(64, '), 'activation=None');
  assert.equal(highlighted("Dense(64, 'relu', "), 'use_bias=True');
  assert.equal(highlighted('Conv2D(32, (3, '), 'kernel_size', 'inside a tuple, the argument the tuple is');
  assert.equal(highlighted('Dense(|64)'), 'units');
  assert.equal(highlighted('Input((28, 28, 1), '), 'batch_size=None');
  assert.equal(highlighted('Dense(64, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, '), null, 'past the last positional argument');
});

test('the current argument is highlighted by the keyword being typed', () => {
  assert.equal(highlighted('Dense(64, kernel_initializer='), "kernel_initializer='glorot_uniform'");
  assert.equal(highlighted("Dense(64, activation='re"), 'activation=None');
  assert.equal(highlighted('Dense(64, use_'), 'use_bias=True');
  assert.equal(highlighted('LSTM(8, return_seq'), 'return_sequences=False');
  assert.equal(highlighted('MaxPooling2D(name='), 'name=None');
  assert.equal(highlighted('Dense(64, name='), '**kwargs', 'Dense takes name through **kwargs');
  assert.equal(highlighted('Dense(64, trainable='), '**kwargs');
  assert.equal(highlighted('Dense(64, nosuch='), null);
});

test('inside an initializer call the hint is that initializer', () => {
  const hint = signatureHint('Dense(64, kernel_initializer=RandomNormal(0.0, ', 46, 80);
  assert.equal(hint?.text, 'RandomNormal(mean=0.0, stddev=0.05, seed=None)');
  assert.equal(highlighted('Dense(64, kernel_initializer=RandomNormal(0.0, '), 'stddev=0.05');
  assert.equal(highlighted('Dense(64, kernel_regularizer=L1L2(l2='), 'l2=0.0');
});

test('a long signature is cut with … to the width, keeping the current argument in view', () => {
  const start = signatureHint('Dense(', 6, 80)!;
  assert.equal(start.text, 'Dense(units, activation=None, use_bias=True, …)');
  assert.deepEqual(start.highlight, [6, 11]);
  const wide = signatureHint('Dense(', 6, 90)!;
  assert.equal(wide.text, "Dense(units, activation=None, use_bias=True, kernel_initializer='glorot_uniform', …)");
  const late = signatureHint('Dense(64, bias_constraint=', 26, 80)!;
  assert.equal(late.text, 'Dense(…, kernel_constraint=None, bias_constraint=None, lora_rank=None, …)');
  assert.equal(late.text.slice(...late.highlight!), 'bias_constraint=None');
  for (const width of [20, 40, 60, 80, 120]) {
    for (const line of ['LSTM(8, use_cudnn=', 'LSTM(8, dropout=', 'Conv2D(32, 3, groups=', 'LSTM(']) {
      const hint = signatureHint(line, line.length, width)!;
      assert.ok(hint.text.length <= width, `${line} at ${width}: ${hint.text}`);
      assert.ok(hint.highlight, `${line} at ${width} keeps a highlight`);
      const shown = hint.text.slice(...hint.highlight);
      const name = line.endsWith('(') ? 'units' : /(\w+)=$/.exec(line)![1]!;
      // The highlight is that argument (cut short only when even it alone is wider than the hint).
      assert.ok(name.startsWith(shown.split('=')[0]!), `${line} at ${width}: ${shown}`);
    }
  }
});

test('the last argument shows without a trailing …', () => {
  const hint = signatureHint('LSTM(8, use_cudnn=', 18, 60)!;
  assert.ok(hint.text.endsWith("use_cudnn='auto', **kwargs)"), hint.text);
  assert.ok(hint.text.startsWith('LSTM(…, '), hint.text);
});
